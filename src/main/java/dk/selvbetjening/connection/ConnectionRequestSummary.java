package dk.selvbetjening.connection;

import java.time.Instant;
import java.util.UUID;

/** A request in the review queue; {@code publishedAt} is set once an approved request's solution was published. */
public record ConnectionRequestSummary(String reference, ConnectionRequestStatus status, ConnectionRequestKind kind,
        String title, String supplierName, UUID authorityId, Instant submittedAt, Instant updatedAt,
        boolean duplicate, Instant publishedAt) {
}
