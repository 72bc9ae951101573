package dk.selvbetjening.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

/**
 * At most {@code perMinute} requests per client, as a token bucket per client that holds {@code perMinute} tokens and
 * refills continuously. Clients are {@link ClientAddress}es; buckets of clients not seen for ten minutes are dropped,
 * and at most 100,000 are kept. Each limited thing has its own instance.
 */
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final int perMinute;
    private final Clock clock;

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = Math.max(1, perMinute);
        this.clock = clock;
    }

    /** Takes one from the allowance of the client the request comes from; empty when allowed, else how long to wait. */
    public Optional<Duration> tryAcquire(HttpServletRequest request) {
        return tryAcquire(ClientAddress.of(request));
    }

    /** Takes one from the client's allowance; empty when allowed, else how long to wait (at least a second). */
    public Optional<Duration> tryAcquire(String clientAddress) {
        Bucket bucket = buckets.get(clientAddress, key -> new Bucket(perMinute, clock.millis()));
        return bucket.take(perMinute, clock.millis());
    }

    /** Takes one from the allowance of the client the request comes from, or refuses with how long to wait. */
    public void acquire(HttpServletRequest request) {
        tryAcquire(request).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
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
