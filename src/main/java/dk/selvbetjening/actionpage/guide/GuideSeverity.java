package dk.selvbetjening.actionpage.guide;

/** How much a guide finding weighs: an {@link #ERROR} blocks publishing, a {@link #WARNING} only informs. */
public enum GuideSeverity {
    ERROR,
    WARNING
}
