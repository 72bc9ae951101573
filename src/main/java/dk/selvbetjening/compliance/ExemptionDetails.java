package dk.selvbetjening.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An exemption: who granted it, why, until when (that day included); {@code valid} today. */
public record ExemptionDetails(UUID id, String reason, LocalDate validUntil, Instant grantedAt, String grantedBy,
        Instant revokedAt, String revokedBy, boolean valid) {
}
