package dk.selvbetjening.municipallink;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One cell of the completeness matrix: a published municipal self-service in one municipality, with its link
 * where there is one. {@code url}, {@code title}, {@code lastCheckedAt} and {@code updatedAt} are null when the
 * link is missing and was never set.
 */
public record MunicipalLinkDetails(
        UUID selfServiceId,
        String serviceSlug,
        String serviceTitle,
        int municipalityCode,
        String municipalityName,
        String url,
        String title,
        LinkStatus status,
        Instant lastCheckedAt,
        Instant updatedAt) implements Serializable {
}
