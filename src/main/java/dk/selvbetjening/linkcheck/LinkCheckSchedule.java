package dk.selvbetjening.linkcheck;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dk.selvbetjening.shared.SystemPrincipal;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts {@link LinkCheckService#checkDue()} every {@code selvbetjening.linkcheck.interval}, on a thread of its own
 * so a long run never holds up the application's other scheduled work, as the application itself
 * ({@link SystemPrincipal}). Off with {@code selvbetjening.linkcheck.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "selvbetjening.linkcheck", name = "enabled", havingValue = "true", matchIfMissing = true)
class LinkCheckSchedule {

    private static final Logger log = LoggerFactory.getLogger(LinkCheckSchedule.class);

    private final LinkCheckService links;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "linkcheck-run");
        thread.setDaemon(true);
        return thread;
    });

    LinkCheckSchedule(LinkCheckService links) {
        this.links = links;
    }

    @Scheduled(fixedRateString = "${selvbetjening.linkcheck.interval:PT6H}",
            initialDelayString = "${selvbetjening.linkcheck.initial-delay:PT10M}")
    void start() {
        runner.execute(() -> SystemPrincipal.run(() -> {
            try {
                links.checkDue();
            } catch (RuntimeException e) {
                log.warn("The scheduled link check failed", e);
            }
        }));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
