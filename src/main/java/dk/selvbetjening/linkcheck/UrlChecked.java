package dk.selvbetjening.linkcheck;

import java.time.Instant;

/**
 * A URL was checked and its result stored. Published in the transaction that stored it, which also records the
 * event in Spring Modulith's event publication registry; listen with {@code @ApplicationModuleListener} to act once
 * it is committed. A listener that does not finish (a crash, a failure) gets the event again when the application
 * next starts (ADR 0015), so a listener must be safe to run twice.
 *
 * @param url the URL as checked (normalized)
 * @param outcome the new outcome
 * @param previousOutcome the outcome before this check; null on the first check
 * @param problem what is wrong; null when OK
 * @param httpStatus the final answer's status, if any
 * @param consecutiveFailures failed checks in a row
 * @param checkedAt when the check finished
 */
public record UrlChecked(String url, LinkOutcome outcome, LinkOutcome previousOutcome, LinkProblem problem,
        Integer httpStatus, int consecutiveFailures, Instant checkedAt) {

    /** The outcome differs from the previous check's. */
    public boolean changed() {
        return outcome != previousOutcome;
    }
}
