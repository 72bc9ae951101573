package dk.selvbetjening.connection;

import java.util.Map;
import java.util.Set;

/**
 * SUBMITTED → IN_REVIEW → CHANGES_REQUESTED → (resubmitted) IN_REVIEW → APPROVED | REJECTED.
 */
public enum ConnectionRequestStatus {
    SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, REJECTED;

    /** Still being handled: counts as an open request for duplicate detection. */
    public boolean isOpen() {
        return this == SUBMITTED || this == IN_REVIEW || this == CHANGES_REQUESTED;
    }

    /** Waiting for the editors: received, or taken and not yet decided. The queue opens on these. */
    public static Set<ConnectionRequestStatus> waitingForEditors() {
        return Set.of(SUBMITTED, IN_REVIEW);
    }

    /** How many of {@code counts} (requests per status) wait for the editors. */
    public static long waiting(Map<ConnectionRequestStatus, Long> counts) {
        return waitingForEditors().stream().mapToLong(status -> counts.getOrDefault(status, 0L)).sum();
    }

    static Set<ConnectionRequestStatus> open() {
        return Set.of(SUBMITTED, IN_REVIEW, CHANGES_REQUESTED);
    }
}
