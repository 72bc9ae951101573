package dk.selvbetjening.authority;

/** The command to register an authority from code (demo content, tests); editors use {@link AuthorityInput}. */
public record NewAuthority(
        String name,
        AuthorityType type,
        CvrNumber cvrNumber,
        Integer municipalityCode,
        Integer regionCode,
        String homepageUrl,
        String contactPhone,
        String contactEmail,
        boolean demo) {

    /** An authority that names no region. */
    public NewAuthority(String name, AuthorityType type, CvrNumber cvrNumber, Integer municipalityCode,
            String homepageUrl, String contactPhone, String contactEmail, boolean demo) {
        this(name, type, cvrNumber, municipalityCode, null, homepageUrl, contactPhone, contactEmail, demo);
    }

    AuthorityInput toInput() {
        return new AuthorityInput(name, type == null ? null : type.name(),
                cvrNumber == null ? null : cvrNumber.value(),
                municipalityCode == null ? null : municipalityCode.toString(),
                regionCode == null ? null : regionCode.toString(), homepageUrl, contactPhone, contactEmail);
    }
}
