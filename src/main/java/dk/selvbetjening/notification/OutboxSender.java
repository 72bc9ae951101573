package dk.selvbetjening.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.shared.SystemPrincipal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
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
 *
 * <p>Once the application begins to shut down ({@link #stop()}) it claims no further mail. A mail is marked sent only
 * after the SMTP server took it, so a process stopped mid-send leaves it claimed, and it goes out again after
 * {@code selvbetjening.notification.claim-timeout} — never marked sent without being sent.
 *
 * <p>With several nodes one at a time sends (job lock {@code notification.outbox}, ADR 0018), so the SMTP server
 * sees one sender; the claim stays the guard against a second sender, should a lock expire while its node still
 * sends or {@link #sendDue()} be called directly.
 *
 * <p>Metrics: {@code selvbetjening.outbox.sent}, {@code selvbetjening.outbox.failures} (failed tries) and the gauge
 * {@code selvbetjening.outbox.mails} (tag {@code status}: pending, the queue; failed, given up).
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final OutboxMailRepository mails;
    private final ObjectProvider<JavaMailSender> senders;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Counter sentMails;
    private final Counter failures;
    private volatile boolean running;
    private volatile boolean stopping;

    OutboxSender(OutboxMailRepository mails, ObjectProvider<JavaMailSender> senders, TransactionTemplate transactions,
            NotificationProperties properties, Clock clock, MeterRegistry meters) {
        this.mails = mails;
        this.senders = senders;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.sentMails = Counter.builder("selvbetjening.outbox.sent").description("Mails sent").register(meters);
        this.failures = Counter.builder("selvbetjening.outbox.failures").description("Failed tries to send a mail")
                .register(meters);
        queue(meters, MailStatus.PENDING);
        queue(meters, MailStatus.FAILED);
    }

    private void queue(MeterRegistry meters, MailStatus status) {
        Gauge.builder("selvbetjening.outbox.mails", mails, repository -> repository.countByStatus(status))
                .description("Mails in the outbox by status").tag("status", status.name().toLowerCase())
                .strongReference(true).register(meters);
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /** The application is shutting down: finish the mail being sent, take no other. */
    @Override
    public void stop() {
        stopping = true;
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(fixedDelayString = "${selvbetjening.notification.poll-interval:PT10S}")
    @SchedulerLock(name = "notification.outbox",
            lockAtMostFor = "${selvbetjening.notification.poll-lock-at-most-for:PT5M}")
    void scheduled() {
        sendDue();
    }

    /** Sends what is due now, as the system principal; returns how many were sent. */
    int sendDue() {
        return SystemPrincipal.call(this::sendDueMail);
    }

    private int sendDueMail() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null || stopping) {
            return 0;
        }
        releaseStuck();
        List<UUID> due = transactions.execute(status -> mails.findDue(clock.instant(), PageRequest.of(0, BATCH)));
        int sent = 0;
        for (UUID id : due == null ? List.<UUID>of() : due) {
            if (stopping) {
                break;
            }
            OutboxMail claimed = claim(id);
            if (claimed == null) {
                continue;
            }
            try {
                sender.send(message(sender, claimed));
                transactions.executeWithoutResult(status ->
                        mails.findById(id).ifPresent(mail -> mail.sent(clock.instant())));
                sent++;
                sentMails.increment();
            } catch (MailException | MessagingException e) {
                failures.increment();
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
