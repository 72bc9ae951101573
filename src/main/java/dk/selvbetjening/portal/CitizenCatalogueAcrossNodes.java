package dk.selvbetjening.portal;

import dk.selvbetjening.actionpage.ActionPageChanged;
import dk.selvbetjening.authority.AuthorityChanged;
import dk.selvbetjening.catalogue.SelfServiceChanged;
import dk.selvbetjening.municipallink.MunicipalLinkChanged;
import dk.selvbetjening.shared.changes.ChangeSignals;
import dk.selvbetjening.shared.changes.ChangedOnAnotherNode;
import dk.selvbetjening.usage.StartsFlushed;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every node's {@link CitizenCatalogue} goes stale with a change committed on any node (ADR 0019). The events that make
 * this node's snapshot stale after their commit are announced to the other nodes in the transaction that publishes
 * them (a synchronous listener, so the signal commits with the change); another node's announcement makes this node's
 * snapshot stale. The snapshot is all-or-nothing, so the announcement names no ids. Flushed start counts are announced
 * as {@value #MOST_USED}: they change only "most used", which another node ranks again without a rebuild
 * ({@link CitizenCatalogue#rankAgain}); the shared version of the catalogue ({@link CitizenCatalogue.SharedVersion})
 * follows {@value #KIND} only.
 */
@Component
class CitizenCatalogueAcrossNodes {

    static final String KIND = "portal.catalogue";
    static final String MOST_USED = "portal.most-used";

    private final CitizenCatalogue catalogue;
    private final ChangeSignals signals;

    CitizenCatalogueAcrossNodes(CitizenCatalogue catalogue, ChangeSignals signals) {
        this.catalogue = catalogue;
        this.signals = signals;
    }

    @EventListener({SelfServiceChanged.class, ActionPageChanged.class, MunicipalLinkChanged.class,
            AuthorityChanged.class})
    void announce() {
        signals.announceAll(KIND);
    }

    @EventListener(StartsFlushed.class)
    void announceStarts() {
        signals.announceAll(MOST_USED);
    }

    @EventListener
    @Order(0)
    void on(ChangedOnAnotherNode change) {
        if (change.concerns(KIND)) {
            catalogue.invalidate();
        } else if (change.concerns(MOST_USED)) {
            catalogue.rankAgain();
        }
    }
}
