package dk.selvbetjening.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapEditorEmail the first editor's e-mail, created on first start when there are no accounts
 *        (environment SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL)
 * @param bootstrapEditorPassword its password (SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD); when empty, a random one
 *        is printed once to the log and must be changed at first login
 * @param maxFailedAttempts failed logins in a row before the account is locked
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties(prefix = "selvbetjening.account")
public record AccountProperties(
        String bootstrapEditorEmail,
        String bootstrapEditorPassword,
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("PT15M") Duration lockDuration) {
}
