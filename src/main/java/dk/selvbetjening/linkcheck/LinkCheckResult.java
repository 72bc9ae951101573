package dk.selvbetjening.linkcheck;

import java.io.Serializable;
import java.time.Instant;

/**
 * The latest check of a URL.
 *
 * @param url the URL as checked (normalized: lower-case scheme and host, no default port, no fragment)
 * @param outcome how the link fares
 * @param httpStatus the final answer's status; null when there was none (no connection, DANGER, refused address)
 * @param finalUrl where the check ended, after redirects; null when it never got going (invalid URL)
 * @param redirects redirects followed
 * @param responseTimeMillis time spent on the requests, all redirects included
 * @param consecutiveFailures failed checks in a row, this one included
 * @param checkedAt when the check finished
 * @param problemCode what is wrong; null when the outcome is OK
 * @param problem what is wrong, in Danish; null when the outcome is OK
 * @param suggestion what to do about it, in Danish; null when the outcome is OK
 */
public record LinkCheckResult(
        String url,
        LinkOutcome outcome,
        Integer httpStatus,
        String finalUrl,
        int redirects,
        long responseTimeMillis,
        int consecutiveFailures,
        Instant checkedAt,
        LinkProblem problemCode,
        String problem,
        String suggestion) implements Serializable {
}
