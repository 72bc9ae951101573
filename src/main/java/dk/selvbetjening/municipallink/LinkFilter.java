package dk.selvbetjening.municipallink;

/** Which cells of the completeness matrix to list; a null part matches everything. */
public record LinkFilter(Integer municipalityCode, String serviceSlug, LinkStatus status) {

    public static final LinkFilter ALL = new LinkFilter(null, null, null);

    public static LinkFilter municipality(int code) {
        return new LinkFilter(code, null, null);
    }

    public static LinkFilter service(String slug) {
        return new LinkFilter(null, slug, null);
    }
}
