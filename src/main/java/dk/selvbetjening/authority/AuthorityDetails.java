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

    /**
     * A municipality with no authority record: the reference data's name and code, no id, CVR number or contact
     * details.
     */
    public static AuthorityDetails unregistered(MunicipalitySummary municipality) {
        return new AuthorityDetails(null, municipality.name(), AuthorityType.MUNICIPALITY, null, municipality.code(),
                null, null, null);
    }
}
