package dk.selvbetjening.municipallink;

import java.util.UUID;

/** One municipality's link for one municipal self-service. {@code url} is null when the link is missing. */
public record MunicipalLinkSummary(UUID selfServiceId, int municipalityCode, String url, String title) {

    public boolean isMissing() {
        return url == null;
    }
}
