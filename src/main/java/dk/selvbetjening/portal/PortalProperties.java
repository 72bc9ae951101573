package dk.selvbetjening.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the citizen portal.
 *
 * @param startFlushInterval how often buffered start counts are written to the database
 * @param municipalityCookieMaxAge how long the chosen municipality is remembered
 * @param secureCookies mark the municipality cookie Secure (on behind TLS in production)
 */
@ConfigurationProperties(prefix = "selvbetjening.portal")
public record PortalProperties(
        @DefaultValue("PT1M") Duration startFlushInterval,
        @DefaultValue("P365D") Duration municipalityCookieMaxAge,
        @DefaultValue("false") boolean secureCookies) {
}
