package dk.selvbetjening.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "outbox_mail")
class OutboxMail {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxMail() {
    }

    OutboxMail(UUID id, OutgoingMail mail, Instant now) {
        this.id = id;
        this.recipient = mail.recipient();
        this.subject = mail.subject();
        this.body = mail.body();
        this.status = MailStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void claim(Instant now) {
        if (status != MailStatus.PENDING) {
            throw new IllegalStateException("Only a pending mail can be claimed");
        }
        status = MailStatus.SENDING;
        claimedAt = now;
        attempts++;
    }

    void sent(Instant now) {
        status = MailStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /** A failed try: wait {@code initial} doubled per earlier failure (at most {@code max}); give up after the last. */
    void failed(String error, Instant now, int maxAttempts, Duration initial, Duration max) {
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= maxAttempts) {
            status = MailStatus.FAILED;
            return;
        }
        Duration wait = initial.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(max) > 0 ? max : wait);
        status = MailStatus.PENDING;
    }

    /** The sender died while this was claimed: try again (the Message-ID stays the same). */
    void release(Instant now) {
        status = MailStatus.PENDING;
        nextAttemptAt = now;
    }

    /** An editor asks for another try of a failed mail. */
    void retry(Instant now) {
        if (status != MailStatus.FAILED) {
            throw new IllegalStateException("Only a failed mail can be retried");
        }
        status = MailStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    UUID id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    OutboxEntry toEntry() {
        return new OutboxEntry(id, recipient, subject, status, attempts, nextAttemptAt, lastError, createdAt, sentAt);
    }
}
