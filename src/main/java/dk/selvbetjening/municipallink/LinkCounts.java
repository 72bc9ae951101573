package dk.selvbetjening.municipallink;

/** How many links are present, missing and broken in a row or column of the completeness matrix. */
public record LinkCounts(int present, int missing, int broken) {

    public static final LinkCounts NONE = new LinkCounts(0, 0, 0);

    public int total() {
        return present + missing + broken;
    }

    /** The share of links that are present and not broken, in whole percent rounded down (0 when empty). */
    public int percentPresent() {
        return total() == 0 ? 0 : (int) (100L * present / total());
    }

    LinkCounts plus(LinkStatus status) {
        return switch (status) {
            case PRESENT -> new LinkCounts(present + 1, missing, broken);
            case MISSING -> new LinkCounts(present, missing + 1, broken);
            case BROKEN -> new LinkCounts(present, missing, broken + 1);
        };
    }
}
