package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as the list shows it: never the key itself. {@code lookupId} is the key's public first part, so a
 * system's owner can tell which key a system holds. {@code lastUsedAt} is exact to a minute. A metrics key has no
 * authority ({@code authorityId} null, {@code authorityName} empty).
 */
public record ApiKeySummary(UUID id, String name, ApiKeyScope scope, UUID authorityId, String authorityName,
        String lookupId, Instant createdAt, String createdBy, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt, String revokedBy) implements java.io.Serializable {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean metrics() {
        return scope == ApiKeyScope.METRICS;
    }

    /** Expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Still in use (not revoked, not expired) at {@code now} but expiring within {@code warning}. */
    public boolean expiresSoon(Instant now, java.time.Duration warning) {
        return !revoked() && !expiredAt(now) && now.plus(warning).isAfter(expiresAt);
    }
}
