package dk.selvbetjening.connection;

import java.util.Set;

/**
 * Filters for the review queue: {@code statuses} the statuses shown (empty means any); {@code kind} null means any;
 * {@code olderThanDays}: submitted at least that many days ago, null means any age.
 */
public record QueueFilter(Set<ConnectionRequestStatus> statuses, ConnectionRequestKind kind, Integer olderThanDays) {

    public QueueFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    }

    public static QueueFilter all() {
        return new QueueFilter(Set.of(), null, null);
    }

    /** What waits for the editors: received and not yet decided ({@link ConnectionRequestStatus#waitingForEditors()}). */
    public static QueueFilter waiting() {
        return new QueueFilter(ConnectionRequestStatus.waitingForEditors(), null, null);
    }

    boolean shows(ConnectionRequestStatus status) {
        return statuses.isEmpty() || statuses.contains(status);
    }
}
