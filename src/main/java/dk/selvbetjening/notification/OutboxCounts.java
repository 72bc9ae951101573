package dk.selvbetjening.notification;

/** How many mails are pending (incl. being sent), sent and failed. */
public record OutboxCounts(long pending, long sent, long failed) {
}
