package dk.selvbetjening.connection;

import java.time.Instant;
import java.util.UUID;

/** A request in the review queue. */
public record ConnectionRequestSummary(String reference, ConnectionRequestStatus status, ConnectionRequestKind kind,
        String title, String supplierName, UUID authorityId, Instant submittedAt, Instant updatedAt,
        boolean duplicate) {
}
