package dk.selvbetjening.authority;

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
 * An authority in the register. Its values are checked by {@link AuthorityRules} before they get here; the entity
 * guards what holds whatever the input: a municipality, and only a municipality, has a municipality code; only a
 * region has a region code; a retired authority is retired once and reinstated once.
 */
@Entity
@Table(name = "authority")
class Authority {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuthorityType type;

    @Column(name = "cvr_number")
    private String cvrNumber;

    @Column(name = "municipality_code")
    private Integer municipalityCode;

    @Column(name = "region_code")
    private Integer regionCode;

    @Column(name = "homepage_url")
    private String homepageUrl;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "retired_at")
    private Instant retiredAt;

    /** Its staff are let in at once by the OpenID Connect login, without an editor's approval (ADR 0026). */
    @Column(name = "staff_login_trusted", nullable = false)
    private boolean staffLoginTrusted;

    @Version
    private long version;

    protected Authority() {
    }

    Authority(UUID id, AuthorityValues values, boolean demo) {
        this.id = id;
        this.demo = demo;
        apply(values);
    }

    /** Takes the new values; returns what changed, in words for the audit log ("" when nothing did). */
    String change(AuthorityValues values) {
        String changes = values.changesSince(values());
        apply(values);
        return changes;
    }

    void retire(Instant at) {
        if (retiredAt != null) {
            throw new IllegalStateException("Authority " + id + " is already retired");
        }
        retiredAt = at;
    }

    void reinstate() {
        if (retiredAt == null) {
            throw new IllegalStateException("Authority " + id + " is not retired");
        }
        retiredAt = null;
    }

    UUID id() {
        return id;
    }

    boolean isStaffLoginTrusted() {
        return staffLoginTrusted;
    }

    /** Returns whether this changed anything. */
    boolean trustStaffLogin(boolean trusted) {
        boolean changed = staffLoginTrusted != trusted;
        staffLoginTrusted = trusted;
        return changed;
    }

    long version() {
        return version;
    }

    boolean isRetired() {
        return retiredAt != null;
    }

    AuthorityValues values() {
        return new AuthorityValues(name, type, cvrNumber, municipalityCode, regionCode, homepageUrl, contactPhone,
                contactEmail);
    }

    AuthorityDetails toDetails() {
        return new AuthorityDetails(id, name, type, cvrNumber, municipalityCode, regionCode, homepageUrl,
                contactPhone, contactEmail, retiredAt, version);
    }

    private void apply(AuthorityValues values) {
        if (values.name() == null || values.name().isBlank() || values.type() == null) {
            throw new IllegalArgumentException("An authority needs a name and a type");
        }
        if ((values.type() == AuthorityType.MUNICIPALITY) != (values.municipalityCode() != null)) {
            throw new IllegalArgumentException("A municipality, and only a municipality, has a municipality code");
        }
        if (values.regionCode() != null && values.type() != AuthorityType.REGION) {
            throw new IllegalArgumentException("Only a region has a region code");
        }
        if (values.municipalityCode() != null) {
            new MunicipalityCode(values.municipalityCode());
        }
        if (values.cvrNumber() != null) {
            new CvrNumber(values.cvrNumber());
        }
        this.name = values.name().strip();
        this.type = values.type();
        this.cvrNumber = values.cvrNumber();
        this.municipalityCode = values.municipalityCode();
        this.regionCode = values.regionCode();
        this.homepageUrl = values.homepageUrl();
        this.contactPhone = values.contactPhone();
        this.contactEmail = values.contactEmail();
    }
}
