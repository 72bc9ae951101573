package dk.selvbetjening.connection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param submissionsPerMinute public submissions allowed per client address per minute (form and API together)
 * @param baseUrl the portal's public address, for links in e-mails
 * @param tokenSecret signs status links; when empty, a random secret is generated once and kept in the database
 */
@ConfigurationProperties(prefix = "selvbetjening.connection")
public record ConnectionProperties(
        @DefaultValue("10") int submissionsPerMinute,
        @DefaultValue("http://localhost:8080") String baseUrl,
        String tokenSecret) {
}
