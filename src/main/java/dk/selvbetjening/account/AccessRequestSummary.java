package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

/** An access request as the editors' list shows it; {@code authorityName} is the authority the CVR number names. */
public record AccessRequestSummary(UUID id, String displayName, String email, String cvrNumber, UUID authorityId,
        String authorityName, AccessRequestStatus status, Instant requestedAt, boolean organisationChanged) {
}
