package dk.selvbetjening.opendata;

import dk.selvbetjening.actionpage.ActionPageChanged;
import dk.selvbetjening.catalogue.SelfServiceChanged;
import dk.selvbetjening.municipallink.MunicipalLinkChanged;
import dk.selvbetjening.shared.SystemPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the change feed from the events the modules publish (ADR 0015): each is handled after its transaction
 * committed, in a transaction of its own, and kept in the event publication registry until handled, so a crash
 * loses none. At start-up, the published self-services the feed has not seen yet (a database older than the feed)
 * are recorded once as PUBLISHED.
 */
@Component
class ChangeFeedListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedListener.class);

    private final ChangeFeed feed;

    ChangeFeedListener(ChangeFeed feed) {
        this.feed = feed;
    }

    @ApplicationModuleListener(id = "opendata.feed-on-self-service")
    void on(SelfServiceChanged event) {
        SystemPrincipal.run(() -> feed.record(event.selfServiceId(), null));
    }

    @ApplicationModuleListener(id = "opendata.feed-on-action-page")
    void on(ActionPageChanged event) {
        SystemPrincipal.run(() -> feed.record(event.selfServiceId(), null));
    }

    @ApplicationModuleListener(id = "opendata.feed-on-municipal-link")
    void on(MunicipalLinkChanged event) {
        // an import names every self-service it changed in one event: one feed entry (and transaction) for each
        SystemPrincipal.run(() -> event.municipalityCodesByService().forEach(feed::record));
    }

    @EventListener(ApplicationReadyEvent.class)
    void baseline() {
        SystemPrincipal.run(() -> {
            var untracked = feed.untracked();
            untracked.forEach(id -> feed.record(id, null));
            if (!untracked.isEmpty()) {
                log.info("Change feed: {} published self-services looked at for the first time", untracked.size());
            }
        });
    }
}
