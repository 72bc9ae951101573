package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A system's API key: acts for one authority, as its authority editors do on the API, or only reads the metrics
 * ({@link ApiKeyScope}); works until it expires or is revoked. Holds the SHA-256 of the key, never the key. {@code lastUsedAt} is written by {@link ApiKeyRepository#markUsed} alone, not through this entity.
 */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    private UUID id;

    @Column(name = "lookup_id", nullable = false)
    private String lookupId;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(nullable = false)
    private String name;

    @Column(name = "authority_id")
    private UUID authorityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApiKeyScope scope;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Version
    private long version;

    protected ApiKey() {
    }

    ApiKey(UUID id, String lookupId, String keyHash, String name, ApiKeyScope scope, UUID authorityId,
            Instant createdAt, String createdBy, Instant expiresAt) {
        if ((scope == ApiKeyScope.AUTHORITY) != (authorityId != null) || !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("An authority's key names its authority, a metrics key none; "
                    + "a key expires after it is created");
        }
        this.id = id;
        this.lookupId = lookupId;
        this.keyHash = keyHash;
        this.name = name;
        this.scope = scope;
        this.authorityId = authorityId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    /** Revokes the key; a revoked key stays revoked (the first revocation is the one kept). */
    boolean revoke(String by, Instant at) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = at;
        revokedBy = by;
        return true;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    ApiKeyScope scope() {
        return scope;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    UUID id() {
        return id;
    }

    String keyHash() {
        return keyHash;
    }

    String name() {
        return name;
    }

    UUID authorityId() {
        return authorityId;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    ApiKeySummary toSummary(String authorityName) {
        return new ApiKeySummary(id, name, scope, authorityId, authorityName, lookupId, createdAt, createdBy,
                expiresAt, lastUsedAt, revokedAt, revokedBy);
    }
}
