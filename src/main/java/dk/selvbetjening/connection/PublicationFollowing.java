package dk.selvbetjening.connection;

import dk.selvbetjening.catalogue.SelfServiceChanged;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the catalogue: when a self-service an approved request made or changed goes live by any path (the request
 * page's "Udgiv", the action page editor's "Udgiv", the scheduled go-live), the request is marked published and its
 * supplier mailed, once. The listener runs after the change committed, in a transaction of its own, as the
 * application itself; an event delivered again (ADR 0015) finds the request already published and changes nothing.
 * The id names the listener in the event publication registry and must stay as it is.
 */
@Component
class PublicationFollowing {

    private final ConnectionReviewService review;

    PublicationFollowing(ConnectionReviewService review) {
        this.review = review;
    }

    @ApplicationModuleListener(id = "connection.follow-self-service-publication")
    void on(SelfServiceChanged event) {
        SystemPrincipal.run(() -> review.publishedElsewhere(event.selfServiceId()));
    }
}
