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
 * @param baseUrl the portal's public address (scheme, host, no trailing slash), for canonical links, the sitemap and
 *     the open data formats; never taken from a request's Host header, as pages are cached
 * @param pageMaxAge how long a browser, caching proxy or CDN may serve a citizen page that no cookie decides without
 *     asking again ({@code Cache-Control: public, max-age}, ADR 0024)
 * @param pageStaleWhileRevalidate how long after that a cache may still serve it while it asks again in the background
 *     ({@code stale-while-revalidate})
 */
@ConfigurationProperties(prefix = "selvbetjening.portal")
public record PortalProperties(
        @DefaultValue("PT1M") Duration startFlushInterval,
        @DefaultValue("P365D") Duration municipalityCookieMaxAge,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("PT1M") Duration pageMaxAge,
        @DefaultValue("PT5M") Duration pageStaleWhileRevalidate) {

    public PortalProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute address of a local path ("/handlingsside/x"). */
    public String absolute(String path) {
        return baseUrl + path;
    }
}
