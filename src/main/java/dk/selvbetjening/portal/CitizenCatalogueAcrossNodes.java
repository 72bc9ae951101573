package dk.selvbetjening.portal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

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
 * them (a synchronous listener, so the signal commits with the change), naming the self-services concerned, so that
 * the other nodes read only those again, as this one does (ADR 0029); an authority's change is announced as
 * "everything". Another node's announcement makes this node's snapshot stale in the same way; one that names nothing
 * (the periodic generation check, a payload too long for ids) makes it build from scratch. Flushed start counts are
 * announced as {@value #MOST_USED}: they change only "most used", which another node ranks again without a rebuild
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

    @EventListener
    void announce(SelfServiceChanged event) {
        signals.announce(KIND, event.selfServiceId());
    }

    @EventListener
    void announce(ActionPageChanged event) {
        signals.announce(KIND, event.selfServiceId());
    }

    @EventListener
    void announce(MunicipalLinkChanged event) {
        if (event.selfServiceIds().size() > CitizenCatalogue.REREAD_AT_MOST) {
            signals.announceAll(KIND);
        } else {
            event.selfServiceIds().forEach(id -> signals.announce(KIND, id));
        }
    }

    @EventListener
    void announce(AuthorityChanged event) {
        signals.announceAll(KIND);
    }

    @EventListener(StartsFlushed.class)
    void announceStarts() {
        signals.announceAll(MOST_USED);
    }

    @EventListener
    @Order(0)
    void on(ChangedOnAnotherNode change) {
        if (!change.concerns(KIND)) {
            if (change.concerns(MOST_USED)) {
                catalogue.rankAgain();
            }
            return;
        }
        if (change.allOf(KIND)) {
            catalogue.invalidate();
            return;
        }
        Set<UUID> selfServices = new HashSet<>();
        for (String id : change.ids(KIND)) {
            try {
                selfServices.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                catalogue.invalidate();
                return;
            }
        }
        catalogue.changed(selfServices);
    }
}
