package dk.selvbetjening.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the connection module. A bad value stops start-up.
 *
 * @param submissionsPerMinute public submissions allowed per client address per minute (form and API together)
 * @param baseUrl the portal's public address, for links in e-mails
 * @param tokenSecret signs status links, at least {@value #TOKEN_SECRET_MIN} characters; when empty (and not
 *        required), a random secret is generated once and kept in the database
 * @param tokenSecretRequired the secret must be set (the postgres profile: production keeps it out of the database)
 * @param tokenLifetimeAfterClose how long a status link keeps working after its request was rejected or its
 *        self-service published
 * @param checkBeforePublish check the URL just before publishing and warn the editor when it is broken
 */
@ConfigurationProperties(prefix = "selvbetjening.connection")
public record ConnectionProperties(
        @DefaultValue("10") int submissionsPerMinute,
        @DefaultValue("http://localhost:8080") String baseUrl,
        String tokenSecret,
        @DefaultValue("false") boolean tokenSecretRequired,
        @DefaultValue("P180D") Duration tokenLifetimeAfterClose,
        @DefaultValue("true") boolean checkBeforePublish) {

    public static final int TOKEN_SECRET_MIN = 32;

    public ConnectionProperties {
        boolean missing = tokenSecret == null || tokenSecret.isBlank();
        if (missing && tokenSecretRequired) {
            throw new IllegalArgumentException("selvbetjening.connection.token-secret is required: set "
                    + "SELVBETJENING_CONNECTION_TOKEN_SECRET to a random secret of at least " + TOKEN_SECRET_MIN
                    + " characters (it signs the suppliers' status links)");
        }
        if (!missing && tokenSecret.strip().length() < TOKEN_SECRET_MIN) {
            throw new IllegalArgumentException("selvbetjening.connection.token-secret "
                    + "(SELVBETJENING_CONNECTION_TOKEN_SECRET) must be at least " + TOKEN_SECRET_MIN + " characters");
        }
        if (tokenLifetimeAfterClose == null || tokenLifetimeAfterClose.isNegative()
                || tokenLifetimeAfterClose.isZero()) {
            throw new IllegalArgumentException("selvbetjening.connection.token-lifetime-after-close must be positive");
        }
        tokenSecret = missing ? null : tokenSecret.strip();
    }
}
