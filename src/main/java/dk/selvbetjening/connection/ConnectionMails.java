package dk.selvbetjening.connection;

import java.util.Locale;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.notification.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails a request sends through the outbox, in Danish and in the caller's transaction: to the supplier (receipt,
 * each status, published) and to the editors' mailbox (new and amended requests).
 */
@Component
class ConnectionMails {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final MailOutbox outbox;
    private final StatusTokens tokens;
    private final ConnectionProperties properties;
    private final MessageSource messages;

    ConnectionMails(MailOutbox outbox, StatusTokens tokens, ConnectionProperties properties, MessageSource messages) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.properties = properties;
        this.messages = messages;
    }

    /** Where suppliers write when their status link does not work. */
    String editorsMailbox() {
        return outbox.editorsMailbox();
    }

    /** The supplier's receipt with the status link, and the editors' notice of a new request. */
    void submitted(ValidSubmission valid, Receipt receipt) {
        String reference = receipt.reference();
        outbox.enqueue(new OutgoingMail(valid.supplierEmail(), text("connection.mail.receipt.subject", reference),
                text("connection.mail.receipt.body", valid.supplierName(), reference, valid.title(),
                        properties.baseUrl() + receipt.statusPath())));
        outbox.enqueue(new OutgoingMail(outbox.editorsMailbox(), text("connection.mail.editors.subject", reference),
                text("connection.mail.editors.body", reference, valid.kind(), valid.title(), valid.url() != null
                        ? valid.url() : text("connection.mail.editors.municipal", valid.municipalLinks().size()),
                        valid.supplierName(), valid.supplierEmail(), reviewUrl(reference),
                        receipt.duplicates().isEmpty() ? "" : text("connection.mail.editors.duplicate"))));
    }

    /** The editors' notice that the supplier amended the request. */
    void resubmitted(String reference, String title) {
        outbox.enqueue(new OutgoingMail(outbox.editorsMailbox(), text("connection.mail.resubmitted.subject", reference),
                text("connection.mail.resubmitted.body", reference, title, reviewUrl(reference))));
    }

    /** The supplier's notice of the request's new status, with the editor's {@code message} if there is one. */
    void statusChanged(ConnectionRequest request, String message) {
        String status = text("connection.status." + request.status());
        outbox.enqueue(new OutgoingMail(request.supplierEmail(),
                text("connection.mail.status.subject", request.reference(), status),
                text("connection.mail.status.body", request.reference(), request.title(), status,
                        message == null ? "" : text("connection.mail.status.message", message),
                        properties.baseUrl() + tokens.statusPath(request.reference()))));
    }

    /** The supplier's notice that citizens see the self-service now. */
    void published(ConnectionRequest request, SelfServiceDetails published) {
        outbox.enqueue(new OutgoingMail(request.supplierEmail(),
                text("connection.mail.published.subject", request.reference()),
                text("connection.mail.published.body", request.reference(), published.title(),
                        properties.baseUrl() + "/handlingsside/" + published.slug())));
    }

    private String reviewUrl(String reference) {
        return properties.baseUrl() + "/redaktion/tilslutninger/" + reference;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
