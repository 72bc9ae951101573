package dk.selvbetjening.authority;

import java.util.UUID;

/** An authority as other modules and the API see it. {@code municipalityCode} is null unless a municipality. */
public record AuthorityDetails(
        UUID id,
        String name,
        AuthorityType type,
        String cvrNumber,
        Integer municipalityCode,
        String homepageUrl,
        String contactPhone,
        String contactEmail) {
}
