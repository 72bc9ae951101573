package dk.selvbetjening.linkcheck;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.util.unit.DataSize;

/**
 * Settings and checkers for tests: loopback allowed, short timeouts (with room for a busy machine), no pause between
 * requests to a host.
 */
final class LinkCheckFixtures {

    private LinkCheckFixtures() {
    }

    static Settings settings() {
        return new Settings();
    }

    /** A run listener that checks every URL and puts each verdict in {@code verdicts}. */
    static LinkChecker.RunListener collectInto(Map<String, LinkChecker.Verdict> verdicts) {
        return new LinkChecker.RunListener() {
            @Override
            public boolean claim(String url) {
                return true;
            }

            @Override
            public void completed(String url, LinkChecker.Verdict verdict) {
                verdicts.put(url, verdict);
            }
        };
    }

    /** A mutable stand-in for {@link LinkCheckProperties}, with test defaults. */
    static final class Settings {
        boolean allowLoopback = true;
        String userAgent = LinkCheckProperties.DEFAULT_USER_AGENT;
        Duration connectTimeout = Duration.ofSeconds(2);
        Duration readTimeout = Duration.ofSeconds(2);
        Duration requestTimeout = Duration.ofSeconds(5);
        int maxRedirects = 8;
        DataSize maxBodySize = DataSize.ofKilobytes(64);
        int concurrency = 16;
        int perHostConcurrency = 2;
        Duration perHostInterval = Duration.ZERO;
        int maxRetries = 2;
        Duration retryAfterCap = Duration.ofSeconds(1);
        Duration slowThreshold = Duration.ofSeconds(2);
        int failuresBeforeBroken = 3;

        Settings allowLoopback(boolean allow) {
            this.allowLoopback = allow;
            return this;
        }

        Settings readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        Settings requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        Settings slowThreshold(Duration threshold) {
            this.slowThreshold = threshold;
            return this;
        }

        Settings perHost(int concurrency, Duration interval) {
            this.perHostConcurrency = concurrency;
            this.perHostInterval = interval;
            return this;
        }

        Settings retries(int max, Duration cap) {
            this.maxRetries = max;
            this.retryAfterCap = cap;
            return this;
        }

        LinkCheckProperties build() {
            return new LinkCheckProperties(false, Duration.ofHours(6), Duration.ofMinutes(10), userAgent,
                    connectTimeout, readTimeout, requestTimeout, maxRedirects, maxBodySize, concurrency,
                    perHostConcurrency, perHostInterval, maxRetries, retryAfterCap, slowThreshold, failuresBeforeBroken,
                    allowLoopback, "classpath:linkcheck/suspicious-domains.txt");
        }

        /** A checker with these settings and {@code suspicious} as the suspicious domains. */
        LinkChecker checker(String... suspicious) {
            return new LinkChecker(build(), SuspiciousDomains.of(List.of(suspicious)), Clock.systemUTC());
        }
    }
}
