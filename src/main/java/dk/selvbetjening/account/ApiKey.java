package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A system's API key: acts for one authority, as its authority editors do on the API. Holds the SHA-256 of the key,
 * never the key. {@code lastUsedAt} is written by {@link ApiKeyRepository#markUsed} alone, not through this entity.
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

    @Column(name = "authority_id", nullable = false)
    private UUID authorityId;

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

    ApiKey(UUID id, String lookupId, String keyHash, String name, UUID authorityId, Instant createdAt,
            String createdBy) {
        this.id = id;
        this.lookupId = lookupId;
        this.keyHash = keyHash;
        this.name = name;
        this.authorityId = authorityId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
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
        return new ApiKeySummary(id, name, authorityId, authorityName, lookupId, createdAt, createdBy, lastUsedAt,
                revokedAt, revokedBy);
    }
}
