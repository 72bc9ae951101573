package dk.selvbetjening.connection;

/**
 * Filters for the review queue; null means any. {@code olderThanDays}: submitted at least that many days ago.
 */
public record QueueFilter(ConnectionRequestStatus status, ConnectionRequestKind kind, Integer olderThanDays) {

    public static QueueFilter all() {
        return new QueueFilter(null, null, null);
    }
}
