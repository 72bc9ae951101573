package dk.selvbetjening.authority;

import java.time.Instant;
import java.util.UUID;

/**
 * An authority as other modules and the API see it. {@code municipalityCode} is null unless a municipality,
 * {@code regionCode} null unless a region that names its region. {@code cvrNumber} is null while the authority is
 * incomplete; {@code retiredAt} is set once it is retired (kept for history).
 */
public record AuthorityDetails(
        UUID id,
        String name,
        AuthorityType type,
        String cvrNumber,
        Integer municipalityCode,
        Integer regionCode,
        String homepageUrl,
        String contactPhone,
        String contactEmail,
        Instant retiredAt,
        long version) {

    /**
     * A municipality with no authority record: the reference data's name and code, no id, CVR number or contact
     * details.
     */
    public static AuthorityDetails unregistered(MunicipalitySummary municipality) {
        return new AuthorityDetails(null, municipality.name(), AuthorityType.MUNICIPALITY, null, municipality.code(),
                null, null, null, null, null, 0);
    }

    /** Has its CVR number: connection requests can name it and accounts can be given to it. */
    public boolean isComplete() {
        return cvrNumber != null;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    /** May be chosen for a new account or named by a new connection request: complete and not retired. */
    public boolean isSelectable() {
        return isComplete() && !isRetired();
    }

    /** The version as an entity tag, for If-Match. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
