package dk.selvbetjening.connection.web;

import java.util.Optional;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.connection.ConnectionRequestNotFoundException;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.stereotype.Component;

/** Names the connection requests in the audit log by reference and title, linking to their review page. */
@Component
class ConnectionAuditNames implements AuditNames {

    private final ConnectionReviewService review;

    ConnectionAuditNames(ConnectionReviewService review) {
        this.review = review;
    }

    @Override
    public Optional<Named> subject(String type, String reference) {
        if (!"tilslutning".equals(type)) {
            return Optional.empty();
        }
        return CurrentAccount.current().flatMap(account -> {
            try {
                var request = review.forAccount(reference, account);
                return Optional.of(new Named(reference + " " + request.title(),
                        ConnectionReviewWebController.QUEUE + "/" + reference));
            } catch (ConnectionRequestNotFoundException e) {
                return Optional.empty();
            }
        });
    }
}
