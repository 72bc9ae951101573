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
 * the other nodes read only those again, as this one does; an authority's change is announced as "everything", and
 * written start counts as {@value #RANKING}. Another node's announcement makes this node's snapshot stale in the same
 * way; one that names nothing (the periodic generation check, a payload too long for ids) makes it build from scratch.
 */
@Component
class CitizenCatalogueAcrossNodes {

    static final String KIND = "portal.catalogue";
    /** The id announced when start counts were written: only the "most used" ranking changed. */
    static final String RANKING = "ranking";

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

    @EventListener
    void announce(StartsFlushed event) {
        signals.announce(KIND, RANKING);
    }

    @EventListener
    @Order(0)
    void on(ChangedOnAnotherNode change) {
        if (!change.concerns(KIND)) {
            return;
        }
        if (change.allOf(KIND)) {
            catalogue.invalidate();
            return;
        }
        Set<String> ids = change.ids(KIND);
        if (ids.contains(RANKING)) {
            catalogue.rankingChanged();
        }
        Set<UUID> selfServices = new HashSet<>();
        for (String id : ids) {
            if (!RANKING.equals(id)) {
                try {
                    selfServices.add(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    catalogue.invalidate();
                    return;
                }
            }
        }
        if (!selfServices.isEmpty()) {
            catalogue.changed(selfServices);
        }
    }
}
