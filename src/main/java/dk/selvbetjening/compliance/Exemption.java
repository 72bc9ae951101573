package dk.selvbetjening.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An editor's exemption (dispensation) for a mandatory solution: it may be published without meeting every
 * requirement until {@code validUntil} (that day included), unless revoked before.
 */
@Entity
@Table(name = "compliance_exemption")
class Exemption {

    static final int REASON_MAX = 2000;

    @Id
    private UUID id;

    @Column(name = "self_service_id", nullable = false)
    private UUID selfServiceId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false)
    private String grantedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Version
    private long version;

    protected Exemption() {
    }

    Exemption(UUID id, UUID selfServiceId, String reason, LocalDate validUntil, Instant grantedAt, String grantedBy) {
        this.id = id;
        this.selfServiceId = selfServiceId;
        this.reason = reason;
        this.validUntil = validUntil;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    boolean validOn(LocalDate day) {
        return revokedAt == null && !day.isAfter(validUntil);
    }

    void revoke(Instant now, String by) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    UUID id() {
        return id;
    }

    UUID selfServiceId() {
        return selfServiceId;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    ExemptionDetails toDetails(LocalDate today) {
        return new ExemptionDetails(id, reason, validUntil, grantedAt, grantedBy, revokedAt, revokedBy, validOn(today));
    }
}
