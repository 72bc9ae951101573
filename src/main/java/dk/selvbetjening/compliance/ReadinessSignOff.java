package dk.selvbetjening.compliance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A yearly readiness sign-off (klarmelding) of one mandatory solution: who, when, against which catalogue. */
@Entity
@Table(name = "readiness_sign_off")
class ReadinessSignOff {

    @Id
    private UUID id;

    @Column(name = "self_service_id", nullable = false)
    private UUID selfServiceId;

    @Column(name = "sign_off_year", nullable = false)
    private int year;

    @Column(name = "catalogue_version", nullable = false)
    private int catalogueVersion;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "signed_by", nullable = false)
    private String signedBy;

    protected ReadinessSignOff() {
    }

    ReadinessSignOff(UUID id, UUID selfServiceId, int year, int catalogueVersion, Instant signedAt, String signedBy) {
        this.id = id;
        this.selfServiceId = selfServiceId;
        this.year = year;
        this.catalogueVersion = catalogueVersion;
        this.signedAt = signedAt;
        this.signedBy = signedBy;
    }

    UUID selfServiceId() {
        return selfServiceId;
    }

    SignOffDetails toDetails() {
        return new SignOffDetails(year, catalogueVersion, signedAt, signedBy);
    }
}
