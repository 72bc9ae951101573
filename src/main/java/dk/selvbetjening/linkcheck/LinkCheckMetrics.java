package dk.selvbetjening.linkcheck;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The link checks' metrics: {@code selvbetjening.linkcheck.checks} counts stored checks by {@code outcome} (on demand
 * and in runs), {@code selvbetjening.linkcheck.runs} times each run over the due URLs.
 */
@Component
class LinkCheckMetrics {

    private final Map<LinkOutcome, Counter> checks = new EnumMap<>(LinkOutcome.class);
    private final Timer runs;

    LinkCheckMetrics(MeterRegistry meters) {
        for (LinkOutcome outcome : LinkOutcome.values()) {
            checks.put(outcome, Counter.builder("selvbetjening.linkcheck.checks")
                    .description("Link checks stored, by outcome").tag("outcome", outcome.name()).register(meters));
        }
        runs = Timer.builder("selvbetjening.linkcheck.runs").description("Runs over the due URLs")
                .register(meters);
    }

    void checked(LinkOutcome outcome) {
        checks.get(outcome).increment();
    }

    void ran(LinkCheckRun run) {
        if (!run.started()) {
            return;
        }
        run.outcomes().forEach((outcome, n) -> checks.get(outcome).increment(n));
        runs.record(run.took());
    }
}
