package dk.selvbetjening.account;

import java.time.Duration;
import java.util.Optional;

import dk.selvbetjening.shared.web.ClientAddress;
import dk.selvbetjening.shared.web.ClientAllowances;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * At most {@code selvbetjening.account.login-failures-per-address} failed logins per client address per window (form
 * login and HTTP Basic together). A login takes one allowance before its password is checked and gives it back when it
 * succeeds, so parallel guesses cannot slip past the limit. Counted in the database ({@link ClientAllowances}), so
 * all nodes on one database share one allowance per address (ADR 0034).
 */
@Component
public class LoginThrottle {

    static final String KIND = "login";

    private final ClientAllowances allowances;
    private final int allowed;
    private final Duration window;

    LoginThrottle(AccountProperties properties, ClientAllowances allowances) {
        this.allowed = properties.loginFailuresPerAddress();
        this.window = properties.loginFailureWindow();
        this.allowances = allowances;
    }

    /** What a login attempt from one address may do. */
    record Decision(Optional<Duration> retryAfter, boolean firstRefusal) {

        boolean allowed() {
            return retryAfter.isEmpty();
        }
    }

    /** Takes one allowance from {@code address}; refused (with how long to wait) when none is left. */
    Decision tryAcquire(String address) {
        ClientAllowances.Use use = allowances.take(KIND, address, allowed, window);
        return new Decision(use.retryAfter(), use.firstRefusal());
    }

    /** Gives back the allowance of a login that succeeded. */
    void release(String address) {
        allowances.giveBack(KIND, address);
    }

    /** How long the client of {@code request} must wait before its next login, if it is held back now. */
    public Optional<Duration> retryAfter(HttpServletRequest request) {
        return allowances.retryAfter(KIND, ClientAddress.of(request), allowed);
    }

    /** Whole minutes to wait, rounded up: what a person is told. */
    public static long minutes(Duration wait) {
        return (wait.toSeconds() + 59) / 60;
    }

    /** Logins' details carry the client address the throttle counts by (form login and HTTP Basic). */
    AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> details() {
        return request -> {
            HttpSession session = request.getSession(false);
            return new WebAuthenticationDetails(ClientAddress.of(request), session == null ? null : session.getId());
        };
    }
}
