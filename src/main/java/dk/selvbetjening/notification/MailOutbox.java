package dk.selvbetjening.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The notification module's API: put mail in the outbox (inside the caller's transaction) and look at it. */
@Service
@Transactional(readOnly = true)
public class MailOutbox {

    private final OutboxMailRepository mails;
    private final NotificationProperties properties;
    private final Clock clock;

    MailOutbox(OutboxMailRepository mails, NotificationProperties properties, Clock clock) {
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Writes the mail to the outbox as part of the caller's transaction: it is sent if and only if the change
     * that caused it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(OutgoingMail mail) {
        return mails.save(new OutboxMail(UUID.randomUUID(), mail, clock.instant())).id();
    }

    /** The portal editors' shared mailbox. */
    public String editorsMailbox() {
        return properties.editorsMailbox();
    }

    public OutboxCounts counts() {
        return new OutboxCounts(mails.countByStatus(MailStatus.PENDING) + mails.countByStatus(MailStatus.SENDING),
                mails.countByStatus(MailStatus.SENT), mails.countByStatus(MailStatus.FAILED));
    }

    /** The newest mails. */
    public List<OutboxEntry> latest() {
        return mails.findTop200ByOrderByCreatedAtDesc().stream().map(OutboxMail::toEntry).toList();
    }

    public List<OutboxEntry> to(String recipient) {
        return mails.findByRecipientOrderByCreatedAtAsc(recipient).stream().map(OutboxMail::toEntry).toList();
    }

    /**
     * An editor asks for another round of tries for a failed mail. A mail that is not (or no longer) failed is left
     * as it is: a second press, or a press on a page read before the sender got to it, changes nothing.
     */
    @Transactional
    public void retry(UUID id) {
        mails.findById(id).filter(mail -> mail.toEntry().status() == MailStatus.FAILED)
                .ifPresent(mail -> mail.retry(clock.instant()));
    }
}
