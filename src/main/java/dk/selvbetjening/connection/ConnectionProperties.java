package dk.selvbetjening.connection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param submissionsPerMinute public submissions allowed per client address per minute (form and API together)
 * @param baseUrl the portal's public address, for links in e-mails
 * @param tokenSecret signs status links; when empty, a random secret is generated once and kept in the database
 * @param checkBeforePublish check the URL just before publishing and warn the editor when it is broken
 */
@ConfigurationProperties(prefix = "selvbetjening.connection")
public record ConnectionProperties(
        @DefaultValue("10") int submissionsPerMinute,
        @DefaultValue("http://localhost:8080") String baseUrl,
        String tokenSecret,
        @DefaultValue("true") boolean checkBeforePublish) {
}
