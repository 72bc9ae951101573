package dk.selvbetjening.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and logins. A stranger's wrong passwords are held back per client address first (the throttle), so the
 * per-account lock can sit much higher: locking someone out takes {@code maxFailedAttempts / loginFailuresPerAddress}
 * addresses (five with the defaults) inside one window, while guessing across many addresses still stops at
 * {@code maxFailedAttempts} per account.
 *
 * @param bootstrapEditorEmail the first editor's e-mail, created on first start when there are no accounts
 *        (environment SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL)
 * @param bootstrapEditorPassword its password (SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD); when empty, a random one
 *        is printed once to the console (never to the log) and must be changed at first login
 * @param bootstrapEditorRequired when true (the {@code postgres} profile), start-up fails on a database without
 *        accounts unless both bootstrap settings are given
 * @param maxFailedAttempts failed logins in a row, from any address, before the account is locked
 * @param lockDuration how long a locked account stays locked
 * @param loginFailuresPerAddress failed logins (form and HTTP Basic together) one client address may make per
 *        {@code loginFailureWindow}; further attempts are refused with 429 before the password is checked
 * @param loginFailureWindow the throttle's window, counted from an address's first failure
 * @param apiKeyFailuresPerAddress refused API keys (unknown, malformed, revoked) one client address may present per
 *        {@code apiKeyFailureWindow}; then every key from it, a correct one too, is refused with 429 until the window
 *        ends ({@link ApiKeyThrottle})
 * @param apiKeyFailureWindow that window, counted from an address's first refused key
 */
@ConfigurationProperties(prefix = "selvbetjening.account")
public record AccountProperties(
        String bootstrapEditorEmail,
        String bootstrapEditorPassword,
        @DefaultValue("false") boolean bootstrapEditorRequired,
        @DefaultValue("50") int maxFailedAttempts,
        @DefaultValue("PT15M") Duration lockDuration,
        @DefaultValue("10") int loginFailuresPerAddress,
        @DefaultValue("PT15M") Duration loginFailureWindow,
        @DefaultValue("20") int apiKeyFailuresPerAddress,
        @DefaultValue("PT15M") Duration apiKeyFailureWindow) {

    public AccountProperties {
        if (maxFailedAttempts < 1 || loginFailuresPerAddress < 1 || apiKeyFailuresPerAddress < 1) {
            throw new IllegalArgumentException("selvbetjening.account.max-failed-attempts, login-failures-per-address "
                    + "and api-key-failures-per-address must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || loginFailureWindow.isNegative()
                || loginFailureWindow.isZero() || apiKeyFailureWindow.isNegative() || apiKeyFailureWindow.isZero()) {
            throw new IllegalArgumentException("selvbetjening.account.lock-duration, login-failure-window and "
                    + "api-key-failure-window must be longer than zero");
        }
    }
}
