package dk.selvbetjening.authority;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

    @Column(name = "cvr_number", nullable = false)
    private String cvrNumber;

    @Column(name = "municipality_code")
    private Integer municipalityCode;

    @Column(name = "homepage_url")
    private String homepageUrl;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(nullable = false)
    private boolean demo;

    @Version
    private long version;

    protected Authority() {
    }

    Authority(UUID id, NewAuthority command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new IllegalArgumentException("An authority needs a name");
        }
        if ((command.type() == AuthorityType.MUNICIPALITY) != (command.municipalityCode() != null)) {
            throw new IllegalArgumentException("A municipality, and only a municipality, has a municipality code");
        }
        if (command.municipalityCode() != null) {
            new MunicipalityCode(command.municipalityCode());
        }
        this.id = id;
        this.name = command.name().strip();
        this.type = command.type();
        this.cvrNumber = command.cvrNumber().value();
        this.municipalityCode = command.municipalityCode();
        this.homepageUrl = command.homepageUrl();
        this.contactPhone = command.contactPhone();
        this.contactEmail = command.contactEmail();
        this.demo = command.demo();
    }

    AuthorityDetails toDetails() {
        return new AuthorityDetails(id, name, type, cvrNumber, municipalityCode, homepageUrl, contactPhone,
                contactEmail);
    }
}
