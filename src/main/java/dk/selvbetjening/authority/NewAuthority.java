package dk.selvbetjening.authority;

/** The command to register an authority. */
public record NewAuthority(
        String name,
        AuthorityType type,
        CvrNumber cvrNumber,
        Integer municipalityCode,
        String homepageUrl,
        String contactPhone,
        String contactEmail,
        boolean demo) {
}
