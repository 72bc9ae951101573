package dk.selvbetjening.municipallink;

/**
 * A municipality's link for a municipal self-service: PRESENT (a URL), MISSING (no URL, or no row at all) or
 * BROKEN (a URL the link checker found not working at its last check).
 */
public enum LinkStatus {
    PRESENT, MISSING, BROKEN;

    static LinkStatus of(String url, boolean broken) {
        if (url == null) {
            return MISSING;
        }
        return broken ? BROKEN : PRESENT;
    }
}
