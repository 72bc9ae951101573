package dk.selvbetjening.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * At most {@code selvbetjening.connection.submissions-per-minute} public submissions per client address
 * (form and API together), as a token bucket that refills continuously.
 */
@Component
public class SubmissionRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final int perMinute;
    private final Clock clock;

    SubmissionRateLimiter(ConnectionProperties properties, Clock clock) {
        this.perMinute = Math.max(1, properties.submissionsPerMinute());
        this.clock = clock;
    }

    /** Takes one submission from the client's allowance; empty when allowed, else how long to wait. */
    public Optional<Duration> tryAcquire(String clientAddress) {
        Bucket bucket = buckets.get(clientAddress, key -> new Bucket(perMinute, clock.millis()));
        return bucket.take(perMinute, clock.millis());
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        synchronized Optional<Duration> take(int perMinute, long now) {
            double refill = (now - updatedAt) * perMinute / 60_000.0;
            tokens = Math.min(perMinute, tokens + refill);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            long waitMillis = (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
            return Optional.of(Duration.ofMillis(Math.max(1000, waitMillis)));
        }
    }
}
