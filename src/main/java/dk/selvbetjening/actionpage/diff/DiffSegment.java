package dk.selvbetjening.actionpage.diff;

/** A run of text that is the same in both revisions, only in the older one (REMOVED) or only in the newer (ADDED). */
public record DiffSegment(Kind kind, String text) {

    public enum Kind {
        SAME, REMOVED, ADDED
    }
}
