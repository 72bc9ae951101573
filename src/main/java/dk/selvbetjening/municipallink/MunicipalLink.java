package dk.selvbetjening.municipallink;

import java.time.Instant;
import java.util.UUID;

import dk.selvbetjening.catalogue.ServiceUrl;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "municipal_link")
class MunicipalLink {

    @Id
    private UUID id;

    @Column(name = "self_service_id", nullable = false)
    private UUID selfServiceId;

    @Column(name = "municipality_code", nullable = false)
    private Integer municipalityCode;

    private String url;

    private String title;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MunicipalLink() {
    }

    MunicipalLink(UUID id, UUID selfServiceId, int municipalityCode, Instant now) {
        this.id = id;
        this.selfServiceId = selfServiceId;
        this.municipalityCode = municipalityCode;
        this.updatedAt = now;
    }

    /** Sets the URL (null or blank: the link is missing). Only absolute http(s) URLs without credentials. */
    void change(String newUrl, String newTitle, Instant now) {
        String cleaned = newUrl == null || newUrl.isBlank() ? null : newUrl.strip();
        if (cleaned != null) {
            new ServiceUrl(cleaned);
        }
        if (newTitle != null && newTitle.length() > 200) {
            throw new IllegalArgumentException("A link title is at most 200 characters");
        }
        this.url = cleaned;
        this.title = newTitle == null || newTitle.isBlank() ? null : newTitle.strip();
        this.updatedAt = now;
    }

    MunicipalLinkSummary toSummary() {
        return new MunicipalLinkSummary(selfServiceId, municipalityCode, url, title);
    }
}
