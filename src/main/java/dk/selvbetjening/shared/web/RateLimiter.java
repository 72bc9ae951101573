package dk.selvbetjening.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

/**
 * At most {@code perMinute} requests per client. Clients are {@link ClientAddress}es; each limited thing has its own
 * instance. Two kinds (ADR 0034):
 * <ul>
 * <li>{@linkplain #RateLimiter(int, Clock) per node}: a token bucket per client in this node's memory that holds
 * {@code perMinute} tokens and refills continuously; buckets of clients not seen for ten minutes are dropped, and at
 * most 100,000 are kept. For limits that protect one node's CPU from a flood;</li>
 * <li>{@linkplain #RateLimiter(ClientAllowances, String, int) shared by all nodes}: {@code perMinute} uses per client
 * in a minute that starts at its first use, counted in the database. For limits that hold across nodes.</li>
 * </ul>
 */
public class RateLimiter {

    private final Function<String, Optional<Duration>> taker;

    /** A limit kept in this node's memory. */
    public RateLimiter(int perMinute, Clock clock) {
        int allowance = Math.max(1, perMinute);
        Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
        this.taker = client -> buckets.get(client, key -> new Bucket(allowance, clock.millis()))
                .take(allowance, clock.millis());
    }

    /** A limit every node on the database shares, counted as {@code kind} in {@code allowances}. */
    public RateLimiter(ClientAllowances allowances, String kind, int perMinute) {
        int allowance = Math.max(1, perMinute);
        this.taker = client -> allowances.take(kind, client, allowance, Duration.ofMinutes(1)).retryAfter();
    }

    /** Takes one from the allowance of the client the request comes from; empty when allowed, else how long to wait. */
    public Optional<Duration> tryAcquire(HttpServletRequest request) {
        return tryAcquire(ClientAddress.of(request));
    }

    /** Takes one from the client's allowance; empty when allowed, else how long to wait (at least a second). */
    public Optional<Duration> tryAcquire(String clientAddress) {
        return taker.apply(clientAddress);
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
