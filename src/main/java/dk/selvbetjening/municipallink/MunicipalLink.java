package dk.selvbetjening.municipallink;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dk.selvbetjening.catalogue.ServiceUrl;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A municipality's link for one municipal self-service. A null URL means missing. Bulk imports write the same
 * table with JDBC batches ({@link MunicipalLinkRows}) and follow the same rules: a new URL is unchecked, and its
 * normalized form is stored beside it.
 */
@Entity
@Table(name = "municipal_link")
class MunicipalLink {

    static final int TITLE_MAX = 200;

    @Id
    private UUID id;

    @Column(name = "self_service_id", nullable = false)
    private UUID selfServiceId;

    @Column(name = "municipality_code", nullable = false)
    private Integer municipalityCode;

    private String url;

    /** {@link #url} as URLs are compared ({@link ServiceUrl#normalize}); null when the link is missing. */
    @Column(name = "normalized_url")
    private String normalizedUrl;

    private String title;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_checked_at")
    private Instant lastCheckedAt;

    @Column(nullable = false)
    private boolean broken;

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

    /**
     * Sets the URL (null or blank: the link is missing) and title. Only absolute http(s) URLs without credentials.
     * A different URL has not been checked yet, so it is not broken.
     */
    void change(String newUrl, String newTitle, Instant now) {
        String cleaned = newUrl == null || newUrl.isBlank() ? null : newUrl.strip();
        if (cleaned != null) {
            new ServiceUrl(cleaned);
        }
        if (newTitle != null && newTitle.strip().length() > TITLE_MAX) {
            throw new IllegalArgumentException("A link title is at most " + TITLE_MAX + " characters");
        }
        if (!Objects.equals(cleaned, url)) {
            this.broken = false;
            this.lastCheckedAt = null;
        }
        this.url = cleaned;
        this.normalizedUrl = cleaned == null ? null : ServiceUrl.normalize(cleaned);
        this.title = newTitle == null || newTitle.isBlank() ? null : newTitle.strip();
        this.updatedAt = now;
    }

    UUID selfServiceId() {
        return selfServiceId;
    }

    int municipalityCode() {
        return municipalityCode;
    }

    String normalizedUrl() {
        return normalizedUrl;
    }

    UUID id() {
        return id;
    }

    String url() {
        return url;
    }

    String title() {
        return title;
    }

    MunicipalLinkSummary toSummary() {
        return new MunicipalLinkSummary(selfServiceId, municipalityCode, url, title, broken, lastCheckedAt);
    }
}
