package dk.selvbetjening.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.selvbetjening.shared.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * At most {@code selvbetjening.account.login-failures-per-address} failed logins per client address per window (form
 * login and HTTP Basic together). A login takes one allowance before its password is checked and gives it back when it
 * succeeds, so parallel guesses cannot slip past the limit. Kept in this node's memory: with several nodes each
 * allows that many.
 */
@Component
public class LoginThrottle {

    private final Cache<String, Window> windows;
    private final int allowed;
    private final Duration window;
    private final Clock clock;

    LoginThrottle(AccountProperties properties, Clock clock) {
        this.allowed = properties.loginFailuresPerAddress();
        this.window = properties.loginFailureWindow();
        this.clock = clock;
        this.windows = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
    }

    /** What a login attempt from one address may do. */
    record Decision(Optional<Duration> retryAfter, boolean firstRefusal) {

        boolean allowed() {
            return retryAfter.isEmpty();
        }
    }

    /** Takes one allowance from {@code address}; refused (with how long to wait) when none is left. */
    Decision tryAcquire(String address) {
        return windows.get(address, key -> new Window(clock.millis())).take(allowed, window.toMillis(), clock.millis());
    }

    /** Gives back the allowance of a login that succeeded. */
    void release(String address) {
        Window current = windows.getIfPresent(address);
        if (current != null) {
            current.giveBack();
        }
    }

    /** How long the client of {@code request} must wait before its next login, if it is held back now. */
    public Optional<Duration> retryAfter(HttpServletRequest request) {
        Window current = windows.getIfPresent(ClientAddress.of(request));
        return current == null ? Optional.empty() : current.wait(allowed, window.toMillis(), clock.millis());
    }

    /** Whole minutes to wait, rounded up: what a person is told. */
    public static long minutes(Duration wait) {
        return (wait.toSeconds() + 59) / 60;
    }

    /** Logins' details carry the client address the throttle counts by (form login and HTTP Basic). */
    AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> details() {
        return request -> {
            HttpSession session = request.getSession(false);
            return new WebAuthenticationDetails(ClientAddress.of(request), session == null ? null : session.getId());
        };
    }

    /** One address's failures (and logins under way) since {@code start}, the first of them. */
    private static final class Window {

        private long start;
        private int used;
        private boolean refused;

        Window(long start) {
            this.start = start;
        }

        synchronized Decision take(int allowed, long length, long now) {
            restartIfOver(length, now);
            if (used == 0) {
                start = now;
            }
            if (used < allowed) {
                used++;
                return new Decision(Optional.empty(), false);
            }
            boolean first = !refused;
            refused = true;
            return new Decision(Optional.of(remaining(length, now)), first);
        }

        synchronized void giveBack() {
            used = Math.max(0, used - 1);
        }

        synchronized Optional<Duration> wait(int allowed, long length, long now) {
            restartIfOver(length, now);
            return used < allowed ? Optional.empty() : Optional.of(remaining(length, now));
        }

        private void restartIfOver(long length, long now) {
            if (now - start >= length) {
                start = now;
                used = 0;
                refused = false;
            }
        }

        private Duration remaining(long length, long now) {
            return Duration.ofMillis(Math.max(1000, start + length - now));
        }
    }
}
