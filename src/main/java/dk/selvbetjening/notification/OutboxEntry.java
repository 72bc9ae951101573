package dk.selvbetjening.notification;

import java.time.Instant;
import java.util.UUID;

/** A mail in the outbox as editors see it. */
public record OutboxEntry(UUID id, String recipient, String subject, MailStatus status, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
