package dk.selvbetjening.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.selvbetjening.shared.MutableClock;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail on loopback), including an outage: the notification module on
 * its own with {@code shared} and the database, no other module (ADR 0016).
 */
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "selvbetjening.notification.poll-interval=PT1H", "selvbetjening.notification.max-attempts=3",
        "selvbetjening.notification.initial-backoff=PT30S"})
class OutboxSenderTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    OutboxMailRepository mails;

    @Autowired
    NotificationProperties properties;

    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-11-26T10:00:00Z"), ZoneId.of("Europe/Copenhagen"));
        }
    }

    private UUID enqueue(String to) {
        return transactions.execute(status -> outbox.enqueue(new OutgoingMail(to, "Kvittering æøå", "Tak.\nHilsen")));
    }

    private OutboxEntry entry(UUID id) {
        return outbox.latest().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void sendsAMailWrittenInATransactionOnceWithAStableMessageId() throws Exception {
        UUID id = enqueue("a@leverandoer.dk");
        sender.sendDue();
        sender.sendDue();
        MimeMessage[] received = smtp.getReceivedMessagesForDomain("leverandoer.dk");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Kvittering æøå");
        assertThat(received[0].getMessageID()).isEqualTo("<" + id + "@selvbetjening>");
        assertThat(entry(id).status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void aMailIsOnlyWrittenInsideTheChangesTransaction() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail("x@y.dk", "Emne", "Tekst")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void survivesAnSmtpOutageWithBackoffAndSendsExactlyOnceAfterwards() throws Exception {
        UUID id = enqueue("b@outage.dk");
        smtp.stop();
        try {
            sender.sendDue();
            OutboxEntry failed = entry(id);
            assertThat(failed.status()).isEqualTo(MailStatus.PENDING);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).isNotBlank();
            assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));

            sender.sendDue();
            assertThat(entry(id).attempts()).as("not due yet: no new try").isEqualTo(1);

            clock.advance(Duration.ofSeconds(31));
            sender.sendDue();
            assertThat(entry(id).attempts()).isEqualTo(2);
            assertThat(entry(id).nextAttemptAt()).as("backoff doubles")
                    .isEqualTo(clock.instant().plus(Duration.ofSeconds(60)));
        } finally {
            smtp.start();
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);
        sender.sendDue();
        assertThat(smtp.getReceivedMessagesForDomain("outage.dk")).hasSize(1);
        assertThat(entry(id).status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void givesUpAfterTheLastAttemptAndAnEditorCanRetry() throws Exception {
        UUID id = enqueue("c@gives-up.dk");
        smtp.stop();
        try {
            for (int i = 0; i < 3; i++) {
                sender.sendDue();
                clock.advance(Duration.ofMinutes(10));
            }
            assertThat(entry(id).status()).isEqualTo(MailStatus.FAILED);
            assertThat(outbox.counts().failed()).isGreaterThanOrEqualTo(1);
        } finally {
            smtp.start();
        }
        outbox.retry(id);
        sender.sendDue();
        assertThat(entry(id).status()).isEqualTo(MailStatus.SENT);
        assertThat(smtp.getReceivedMessagesForDomain("gives-up.dk")).hasSize(1);
    }

    @Test
    void retryingAMailThatHasNotFailedChangesNothing() {
        UUID id = enqueue("f@not-failed.dk");
        var before = entry(id);
        outbox.retry(id);
        assertThat(entry(id)).isEqualTo(before);
        outbox.retry(UUID.randomUUID());
    }

    @Test
    void aShutdownDuringASendFinishesThatMailAndLeavesTheRestForTheNextStart() throws Exception {
        sender.sendDue();
        UUID first = enqueue("d@shutdown.dk");
        UUID second = enqueue("e@shutdown.dk");
        OutboxSender[] stopping = new OutboxSender[1];
        // The real SMTP client; the application starts shutting down while the first mail is on its way
        JavaMailSenderImpl smtpClient = new JavaMailSenderImpl() {
            @Override
            public void send(MimeMessage message) {
                stopping[0].stop();
                super.send(message);
            }
        };
        smtpClient.setHost("127.0.0.1");
        smtpClient.setPort(3025);
        ObjectProvider<JavaMailSender> provider = new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("mailSender", smtpClient)).getBeanProvider(JavaMailSender.class);
        stopping[0] = new OutboxSender(mails, provider, transactions, properties, clock, meters);
        stopping[0].start();

        assertThat(stopping[0].sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessagesForDomain("shutdown.dk")).hasSize(1);
        assertThat(java.util.List.of(entry(first).status(), entry(second).status()))
                .containsExactlyInAnyOrder(MailStatus.SENT, MailStatus.PENDING);

        sender.sendDue();
        assertThat(smtp.getReceivedMessagesForDomain("shutdown.dk")).hasSize(2);
        assertThat(entry(first).status()).isEqualTo(MailStatus.SENT);
        assertThat(entry(second).status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void countsSentMailsAndFailedTries() throws Exception {
        double sentBefore = meters.counter("selvbetjening.outbox.sent").count();
        double failedBefore = meters.counter("selvbetjening.outbox.failures").count();
        enqueue("f@metrics.dk");
        smtp.stop();
        try {
            sender.sendDue();
        } finally {
            smtp.start();
        }
        clock.advance(Duration.ofMinutes(10));
        sender.sendDue();
        assertThat(meters.counter("selvbetjening.outbox.failures").count()).isEqualTo(failedBefore + 1);
        assertThat(meters.counter("selvbetjening.outbox.sent").count()).isEqualTo(sentBefore + 1);
        assertThat(meters.get("selvbetjening.outbox.mails").tag("status", "pending").gauge().value()).isZero();
    }
}
