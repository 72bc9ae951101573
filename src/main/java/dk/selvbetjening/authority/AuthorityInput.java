package dk.selvbetjening.authority;

/**
 * An authority as typed by an editor (the backoffice form, the API, a CSV row): every field as text, checked by
 * {@link AuthorityService} which says per field, in Danish, what to fix. Blank means "not given". The municipality
 * code belongs to a municipality only, the region code to a region only.
 */
public record AuthorityInput(
        String name,
        String type,
        String cvrNumber,
        String municipalityCode,
        String regionCode,
        String homepageUrl,
        String contactPhone,
        String contactEmail) {

    /** The input that leaves {@code authority} as it is. */
    public static AuthorityInput of(AuthorityDetails authority) {
        return new AuthorityInput(authority.name(), authority.type().name(), authority.cvrNumber(),
                authority.municipalityCode() == null ? null : authority.municipalityCode().toString(),
                authority.regionCode() == null ? null : authority.regionCode().toString(), authority.homepageUrl(),
                authority.contactPhone(), authority.contactEmail());
    }
}
