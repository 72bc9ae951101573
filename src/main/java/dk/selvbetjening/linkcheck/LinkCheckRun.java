package dk.selvbetjening.linkcheck;

import java.time.Duration;
import java.util.Map;

/**
 * What a run over the due URLs did.
 *
 * @param started false when another run was still going, so this one did nothing
 * @param due watched URLs that were due
 * @param checked URLs checked and stored by this run
 * @param outcomes how many of those ended in each outcome
 * @param took wall time of the run
 */
public record LinkCheckRun(boolean started, int due, int checked, Map<LinkOutcome, Integer> outcomes, Duration took) {

    public LinkCheckRun {
        outcomes = Map.copyOf(outcomes);
    }

    static LinkCheckRun notStarted() {
        return new LinkCheckRun(false, 0, 0, Map.of(), Duration.ZERO);
    }
}
