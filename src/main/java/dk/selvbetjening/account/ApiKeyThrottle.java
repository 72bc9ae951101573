package dk.selvbetjening.account;

import java.time.Duration;
import java.util.Optional;

import dk.selvbetjening.shared.web.ClientAllowances;
import org.springframework.stereotype.Component;

/**
 * At most {@code selvbetjening.account.api-key-failures-per-address} refused API keys (unknown, malformed, revoked)
 * per client address per window; then every bearer request from that address, a correct key's too, is refused before
 * its key is checked until the window ends. A key that works, an expired one and one of the other scope are real keys,
 * not guesses: they are not counted. Counted in the database ({@link ClientAllowances}, kind {@value #KIND}), so all
 * nodes share one allowance per address (ADR 0034).
 *
 * <p>Unlike {@link LoginThrottle} a key is checked first and counted only when refused: a system's every call would
 * otherwise take and give back a row lock; so parallel guesses may pass the limit by as many as are in flight at once,
 * which for a key of 32 random bytes changes nothing.
 */
@Component
class ApiKeyThrottle {

    static final String KIND = "api-key";

    private final ClientAllowances allowances;
    private final ApiKeyService keys;
    private final int allowed;
    private final Duration window;

    ApiKeyThrottle(AccountProperties properties, ClientAllowances allowances, ApiKeyService keys) {
        this.allowances = allowances;
        this.keys = keys;
        this.allowed = properties.apiKeyFailuresPerAddress();
        this.window = properties.apiKeyFailureWindow();
    }

    /** How long {@code address} must wait before it may present a key again, when it has used up its refusals. */
    Optional<Duration> heldBack(String address) {
        return allowances.retryAfter(KIND, address, allowed);
    }

    /** Counts a refused key from {@code address}; audits the one that uses up its allowance. */
    void refused(String address) {
        ClientAllowances.Use use = allowances.take(KIND, address, allowed, window);
        if (use.allowed() ? heldBack(address).isPresent() : use.firstRefusal()) {
            keys.throttled(address, allowed);
        }
    }
}
