package dk.selvbetjening.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.shared.SystemPrincipal;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mails from the outbox. Each mail is claimed in its own transaction (optimistic locking: two senders
 * never both claim it), sent, then marked sent; a failure schedules the next try with exponential backoff. A
 * mail whose sender died mid-send is tried again with the same Message-ID, so a receiving system can spot the
 * rare duplicate. Without an SMTP server configured ({@code spring.mail.host}) nothing is sent and mail waits. It sends
 * as the application itself ({@link SystemPrincipal}).
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final OutboxMailRepository mails;
    private final ObjectProvider<JavaMailSender> senders;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;

    OutboxSender(OutboxMailRepository mails, ObjectProvider<JavaMailSender> senders, TransactionTemplate transactions,
            NotificationProperties properties, Clock clock) {
        this.mails = mails;
        this.senders = senders;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${selvbetjening.notification.poll-interval:PT10S}")
    void scheduled() {
        sendDue();
    }

    /** Sends what is due now, as the system principal; returns how many were sent. */
    int sendDue() {
        return SystemPrincipal.call(this::sendDueMail);
    }

    private int sendDueMail() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        releaseStuck();
        List<UUID> due = transactions.execute(status -> mails.findDue(clock.instant(), PageRequest.of(0, BATCH)));
        int sent = 0;
        for (UUID id : due == null ? List.<UUID>of() : due) {
            OutboxMail claimed = claim(id);
            if (claimed == null) {
                continue;
            }
            try {
                sender.send(message(sender, claimed));
                transactions.executeWithoutResult(status ->
                        mails.findById(id).ifPresent(mail -> mail.sent(clock.instant())));
                sent++;
            } catch (MailException | MessagingException e) {
                log.warn("Mail {} to {} not sent: {}", id, claimed.recipient(), e.getMessage());
                transactions.executeWithoutResult(status -> mails.findById(id).ifPresent(mail ->
                        mail.failed(e.getMessage(), clock.instant(), properties.maxAttempts(),
                                properties.initialBackoff(), properties.maxBackoff())));
            }
        }
        return sent;
    }

    private OutboxMail claim(UUID id) {
        try {
            return transactions.execute(status -> {
                OutboxMail mail = mails.findById(id).orElse(null);
                if (mail == null || mail.toEntry().status() != MailStatus.PENDING) {
                    return null;
                }
                mail.claim(clock.instant());
                return mails.saveAndFlush(mail);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            return null;
        }
    }

    private void releaseStuck() {
        transactions.executeWithoutResult(status -> mails.findStuck(clock.instant().minus(properties.claimTimeout()))
                .forEach(mail -> mail.release(clock.instant())));
    }

    private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MessagingException {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new java.util.Properties());
        MimeMessage message = new StableIdMessage(session, mail.id());
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        return message;
    }

    /** A message whose Message-ID is derived from the outbox id, so a retry carries the same id. */
    private static final class StableIdMessage extends MimeMessage {

        private final UUID id;

        StableIdMessage(Session session, UUID id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + "@selvbetjening>");
        }
    }
}
