package dk.selvbetjening.shared.web;

import java.time.Duration;

/**
 * A client has used its allowance ({@link RateLimiter}). Under {@code /api} it is answered centrally as a Danish 429
 * problem with Retry-After in whole seconds.
 */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Rate limited");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Retry-After's value: the wait in whole seconds, rounded up, at least 1. */
    public static String retryAfterSeconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
