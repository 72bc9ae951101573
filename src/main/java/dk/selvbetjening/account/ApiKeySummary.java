package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as the list shows it: never the key itself. {@code lookupId} is the key's public first part, so a
 * system's owner can tell which key a system holds. {@code lastUsedAt} is exact to a minute.
 */
public record ApiKeySummary(UUID id, String name, UUID authorityId, String authorityName, String lookupId,
        Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt, String revokedBy)
        implements java.io.Serializable {

    public boolean revoked() {
        return revokedAt != null;
    }
}
