package dk.selvbetjening.linkcheck;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the link check. A bad value stops start-up.
 *
 * @param enabled run the scheduled check (tests turn it off and call {@link LinkCheckService#checkDue()})
 * @param interval how often the scheduled check runs; a watched URL is due when it was last checked more than half
 *        an interval ago, so a URL checked on demand shortly before a run is not checked again
 * @param initialDelay how long after start-up the first scheduled check runs
 * @param userAgent the User-Agent sent: browser-like, naming the portal and where to read about the check
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for the response headers or the next bytes of the body
 * @param requestTimeout longest time one request may take in all, body included (a trickling server is cut off)
 * @param maxRedirects redirects followed; one more is {@link LinkProblem#TOO_MANY_REDIRECTS}
 * @param maxBodySize how much of a body is read (for the soft-404 check); the rest is never downloaded
 * @param concurrency requests under way at once in a scheduled run
 * @param perHostConcurrency requests under way at once to one host, scheduled and on-demand checks together
 * @param perHostInterval least time between the starts of two requests to the same host
 * @param maxRetries retries after 429 or 503 before the answer counts
 * @param retryAfterCap the longest wait honoured from a {@code Retry-After} header (or the backoff without one)
 * @param slowThreshold a page slower than this (all redirects included) is {@link LinkProblem#SLOW}
 * @param failuresBeforeBroken failed checks in a row before a link is {@link LinkOutcome#BROKEN}
 * @param allowLoopback allow requests to loopback addresses (tests only); private and other internal addresses
 *        are refused regardless
 * @param suspiciousDomains resource with the suspicious domains, one a line, {@code #} for comments
 */
@ConfigurationProperties(prefix = "selvbetjening.linkcheck")
public record LinkCheckProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT6H") Duration interval,
        @DefaultValue("PT10M") Duration initialDelay,
        @DefaultValue(DEFAULT_USER_AGENT) String userAgent,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT15S") Duration readTimeout,
        @DefaultValue("PT30S") Duration requestTimeout,
        @DefaultValue("8") int maxRedirects,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("16") int concurrency,
        @DefaultValue("2") int perHostConcurrency,
        @DefaultValue("PT0.5S") Duration perHostInterval,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("PT1M") Duration retryAfterCap,
        @DefaultValue("PT3S") Duration slowThreshold,
        @DefaultValue("3") int failuresBeforeBroken,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("classpath:linkcheck/suspicious-domains.txt") String suspiciousDomains) {

    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (compatible; SelvbetjeningLinkCheck/1.0; +https://selvbetjening.dk/linktjek)";

    public LinkCheckProperties {
        require(positive(interval), "interval must be positive");
        require(initialDelay != null && !initialDelay.isNegative(), "initial-delay must not be negative");
        require(userAgent != null && !userAgent.isBlank(), "user-agent must be set");
        require(positive(connectTimeout) && positive(readTimeout) && positive(requestTimeout),
                "timeouts must be positive");
        require(maxRedirects >= 0 && maxRedirects <= 20, "max-redirects must be 0-20");
        require(maxBodySize != null && maxBodySize.toBytes() >= 1024 && maxBodySize.toBytes() <= 16 * 1024 * 1024,
                "max-body-size must be 1KB-16MB");
        require(concurrency >= 1 && concurrency <= 512, "concurrency must be 1-512");
        require(perHostConcurrency >= 1 && perHostConcurrency <= concurrency,
                "per-host-concurrency must be 1-concurrency");
        require(perHostInterval != null && !perHostInterval.isNegative(), "per-host-interval must not be negative");
        require(maxRetries >= 0 && maxRetries <= 10, "max-retries must be 0-10");
        require(positive(retryAfterCap), "retry-after-cap must be positive");
        require(positive(slowThreshold), "slow-threshold must be positive");
        require(failuresBeforeBroken >= 1, "failures-before-broken must be at least 1");
        require(suspiciousDomains != null && !suspiciousDomains.isBlank(), "suspicious-domains must name a resource");
    }

    private static boolean positive(Duration duration) {
        return duration != null && duration.compareTo(Duration.ZERO) > 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("selvbetjening.linkcheck: " + message);
        }
    }
}
