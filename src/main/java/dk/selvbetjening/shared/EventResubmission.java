package dk.selvbetjening.shared;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With several nodes (the postgres profile, ADR 0018), an event whose listener did not finish — its node died, or the
 * listener failed — is delivered again by one node, not by all: every {@code selvbetjening.events.resubmission.interval}
 * the node that takes the job lock {@code events.resubmission} resubmits the publications left incomplete for longer
 * than {@code selvbetjening.events.resubmission.older-than}, long enough that no node is still working on them.
 * Spring Modulith claims each publication before it delivers it again (status RESUBMITTED), so even two resubmitting
 * nodes never deliver one twice. Resubmission at start-up stays off there: a starting node would deliver again what
 * a running node is handling at that moment. The embedded default (one node) resubmits at start-up instead.
 */
@Component
@ConditionalOnProperty(prefix = "selvbetjening.events.resubmission", name = "enabled", havingValue = "true")
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications publications;
    private final Duration olderThan;

    EventResubmission(IncompleteEventPublications publications,
            @Value("${selvbetjening.events.resubmission.older-than:PT5M}") Duration olderThan) {
        this.publications = publications;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${selvbetjening.events.resubmission.interval:PT1M}",
            initialDelayString = "${selvbetjening.events.resubmission.interval:PT1M}")
    @SchedulerLock(name = "events.resubmission",
            lockAtMostFor = "${selvbetjening.events.resubmission.lock-at-most-for:PT10M}")
    public void resubmit() {
        SystemPrincipal.run(() -> {
            try {
                publications.resubmitIncompletePublicationsOlderThan(olderThan);
            } catch (RuntimeException e) {
                log.warn("Resubmitting incomplete event publications failed; tried again at the next run", e);
            }
        });
    }
}
