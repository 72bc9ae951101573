package dk.selvbetjening.connection;

import dk.selvbetjening.shared.web.ClientAllowances;
import dk.selvbetjening.shared.web.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * At most {@code selvbetjening.connection.submissions-per-minute} public submissions per client (form and API
 * together, and reading a Word template into the form) in a minute from the client's first, shared by every node on
 * the database (ADR 0034): the one write anybody may make without an account must not allow N times as much on N
 * nodes. Keyed by
 * {@link dk.selvbetjening.shared.web.ClientAddress}: pass the request, or {@code ClientAddress.of(request)}.
 */
@Component
public class SubmissionRateLimiter extends RateLimiter {

    SubmissionRateLimiter(ConnectionProperties properties, ClientAllowances allowances) {
        super(allowances, "connection.submission", properties.submissionsPerMinute());
    }
}
