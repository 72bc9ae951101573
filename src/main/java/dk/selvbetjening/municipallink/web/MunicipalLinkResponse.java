package dk.selvbetjening.municipallink.web;

import java.time.Instant;

import dk.selvbetjening.municipallink.LinkStatus;
import dk.selvbetjening.municipallink.MunicipalLinkDetails;

/** One municipality's link for one published municipal self-service; url, title and times are null when missing. */
record MunicipalLinkResponse(int municipalityCode, String municipalityName, String service, String serviceTitle,
        String url, String title, LinkStatus status, Instant lastCheckedAt, Instant updatedAt) {

    static MunicipalLinkResponse of(MunicipalLinkDetails cell) {
        return new MunicipalLinkResponse(cell.municipalityCode(), cell.municipalityName(), cell.serviceSlug(),
                cell.serviceTitle(), cell.url(), cell.title(), cell.status(), cell.lastCheckedAt(), cell.updatedAt());
    }
}
