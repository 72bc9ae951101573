package dk.selvbetjening.compliance.requirement;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the requirement catalogue: every change to it adds one. Never changed once written. */
@Entity
@Table(name = "requirement_catalogue_version")
class CatalogueVersion {

    @Id
    private int version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "change_summary", nullable = false)
    private String changeSummary;

    protected CatalogueVersion() {
    }

    CatalogueVersion(int version, Instant changedAt, String changedBy, String changeSummary) {
        this.version = version;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.changeSummary = changeSummary.length() > 500 ? changeSummary.substring(0, 500) : changeSummary;
    }

    int version() {
        return version;
    }

    CatalogueVersionSummary toSummary() {
        return new CatalogueVersionSummary(version, changedAt, changedBy, changeSummary);
    }
}
