package dk.selvbetjening.authority.web;

import java.time.Instant;
import java.util.UUID;

import dk.selvbetjening.authority.AuthorityDetails;

/**
 * An authority in the JSON API: the services API's {@code authority} object ({@code id}, {@code name}, {@code type},
 * {@code cvrNumber}, {@code municipalityCode}, {@code homepageUrl}) and the register's fields. {@code complete} is
 * false while the CVR number is missing; {@code retiredAt} is set for a retired authority.
 */
record AuthorityDetailsResponse(UUID id, String name, String type, String cvrNumber, Integer municipalityCode,
        String homepageUrl, Integer regionCode, String contactPhone, String contactEmail, boolean complete,
        boolean retired, Instant retiredAt) {

    static AuthorityDetailsResponse of(AuthorityDetails a) {
        return new AuthorityDetailsResponse(a.id(), a.name(), a.type().name(), a.cvrNumber(), a.municipalityCode(),
                a.homepageUrl(), a.regionCode(), a.contactPhone(), a.contactEmail(), a.isComplete(), a.isRetired(),
                a.retiredAt());
    }
}
