package dk.selvbetjening.connection;

import java.time.Clock;

import dk.selvbetjening.shared.web.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * At most {@code selvbetjening.connection.submissions-per-minute} public submissions per client (form and API
 * together, and reading a Word template into the form), as a token bucket that refills continuously. Keyed by
 * {@link dk.selvbetjening.shared.web.ClientAddress}: pass the request, or {@code ClientAddress.of(request)}.
 */
@Component
public class SubmissionRateLimiter extends RateLimiter {

    SubmissionRateLimiter(ConnectionProperties properties, Clock clock) {
        super(properties.submissionsPerMinute(), clock);
    }
}
