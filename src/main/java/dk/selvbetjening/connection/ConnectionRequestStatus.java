package dk.selvbetjening.connection;

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

    static Set<ConnectionRequestStatus> open() {
        return Set.of(SUBMITTED, IN_REVIEW, CHANGES_REQUESTED);
    }
}
