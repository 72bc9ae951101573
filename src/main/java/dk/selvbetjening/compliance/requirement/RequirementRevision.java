package dk.selvbetjening.compliance.requirement;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One revision of a requirement, written with the catalogue version that made it; never changed. */
@Entity
@Table(name = "requirement_revision")
@IdClass(RequirementRevision.Key.class)
class RequirementRevision {

    /** The revision's key: requirement number and revision. */
    record Key(String number, int revision) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "requirement_number")
    private String number;

    @Id
    private int revision;

    @Column(name = "catalogue_version", nullable = false)
    private int catalogueVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false)
    private RequirementChange change;

    @Column(name = "wording_revision", nullable = false)
    private int wordingRevision;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String wording;

    @Column(nullable = false)
    private boolean verified;

    @Column(nullable = false)
    private boolean retired;

    protected RequirementRevision() {
    }

    RequirementRevision(String number, int revision, int catalogueVersion, RequirementChange change,
            int wordingRevision, String title, String wording, boolean verified, boolean retired) {
        this.number = number;
        this.revision = revision;
        this.catalogueVersion = catalogueVersion;
        this.change = change;
        this.wordingRevision = wordingRevision;
        this.title = title;
        this.wording = wording;
        this.verified = verified;
        this.retired = retired;
    }

    String number() {
        return number;
    }

    int revision() {
        return revision;
    }

    int catalogueVersion() {
        return catalogueVersion;
    }

    RevisionDetails toDetails() {
        return new RevisionDetails(number, revision, catalogueVersion, change, wordingRevision, title, wording,
                verified, retired);
    }
}
