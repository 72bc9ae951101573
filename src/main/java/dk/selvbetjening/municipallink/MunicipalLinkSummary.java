package dk.selvbetjening.municipallink;

import java.time.Instant;
import java.util.UUID;

/**
 * One municipality's link for one municipal self-service. {@code url} is null when the link is missing;
 * {@code broken} and {@code lastCheckedAt} are the link checker's last verdict on the URL (false and null until
 * it has checked it).
 */
public record MunicipalLinkSummary(UUID selfServiceId, int municipalityCode, String url, String title,
        boolean broken, Instant lastCheckedAt) {

    public boolean isMissing() {
        return url == null;
    }

    public LinkStatus status() {
        return LinkStatus.of(url, broken);
    }
}
