package dk.selvbetjening.actionpage;

import java.util.UUID;

import dk.selvbetjening.shared.SystemPrincipal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled revisions when their go-live time has come: every few seconds
 * ({@code selvbetjening.actionpage.go-live-poll}, default 15 s) and once right after start-up, so a go-live time that
 * passed while the application was down is honoured at once. Each page goes live in its own transaction under a
 * row lock, so two nodes never publish the same page twice and one failing page does not hold up the others. The job
 * publishes as the application itself ({@link SystemPrincipal}), however it is started. With several nodes one at a
 * time polls (job lock {@code actionpage.go-live}, ADR 0018); a node that dies while polling holds it up for at most
 * {@code selvbetjening.actionpage.go-live-lock-at-most-for}.
 */
@Component
class ActionPageGoLive {

    private static final Logger log = LoggerFactory.getLogger(ActionPageGoLive.class);

    private final ActionPageService service;

    ActionPageGoLive(ActionPageService service) {
        this.service = service;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        run();
    }

    @Scheduled(fixedDelayString = "${selvbetjening.actionpage.go-live-poll:PT15S}",
            initialDelayString = "${selvbetjening.actionpage.go-live-poll:PT15S}")
    @SchedulerLock(name = "actionpage.go-live",
            lockAtMostFor = "${selvbetjening.actionpage.go-live-lock-at-most-for:PT1M}")
    void poll() {
        run();
    }

    /** Publishes every page that is due, as the system principal; returns how many went live. */
    int run() {
        return SystemPrincipal.call(this::publishDue);
    }

    private int publishDue() {
        int published = 0;
        for (UUID id : service.dueForGoLive()) {
            try {
                if (service.goLive(id)) {
                    published++;
                }
            } catch (RuntimeException e) {
                log.warn("Scheduled go-live of the action page of {} failed; retried at the next poll", id, e);
            }
        }
        if (published > 0) {
            log.info("{} scheduled action page(s) went live", published);
        }
        return published;
    }
}
