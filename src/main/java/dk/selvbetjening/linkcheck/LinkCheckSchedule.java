package dk.selvbetjening.linkcheck;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dk.selvbetjening.shared.SystemPrincipal;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts {@link LinkCheckService#checkDue()} every {@code selvbetjening.linkcheck.interval}, on a thread of its own
 * so a long run never holds up the application's other scheduled work, as the application itself
 * ({@link SystemPrincipal}). Off with {@code selvbetjening.linkcheck.enabled=false}. With several nodes one at a time
 * checks (job lock {@code linkcheck.check-due}, ADR 0018, taken on the run's own thread for as long as it runs, at
 * most {@code selvbetjening.linkcheck.lock-at-most-for}); a node whose timer fires later finds the URLs checked
 * already, as a run checks only what was last checked half an interval ago.
 */
@Component
@ConditionalOnProperty(prefix = "selvbetjening.linkcheck", name = "enabled", havingValue = "true", matchIfMissing = true)
class LinkCheckSchedule {

    private static final Logger log = LoggerFactory.getLogger(LinkCheckSchedule.class);

    private final LinkCheckService links;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "linkcheck-run");
        thread.setDaemon(true);
        return thread;
    });

    LinkCheckSchedule(LinkCheckService links, LockProvider lockProvider,
            @Value("${selvbetjening.linkcheck.lock-at-most-for:PT3H}") Duration lockAtMostFor) {
        this.links = links;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
    }

    @Scheduled(fixedRateString = "${selvbetjening.linkcheck.interval:PT6H}",
            initialDelayString = "${selvbetjening.linkcheck.initial-delay:PT10M}")
    void start() {
        runner.execute(() -> SystemPrincipal.run(() -> {
            try {
                locks.executeWithLock((Runnable) links::checkDue, new LockConfiguration(ClockProvider.now(),
                        "linkcheck.check-due", lockAtMostFor, Duration.ZERO));
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
