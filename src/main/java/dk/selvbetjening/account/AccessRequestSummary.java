package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An access request as the editors' list shows it; {@code authorityName} is the authority the CVR number names,
 * {@code issuer} the provider the person logged in through (with several providers, the one that vouches for them).
 */
public record AccessRequestSummary(UUID id, String displayName, String email, String cvrNumber, UUID authorityId,
        String authorityName, AccessRequestStatus status, Instant requestedAt, boolean organisationChanged,
        String issuer) {
}
