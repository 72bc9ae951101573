package dk.selvbetjening.compliance;

/** An authority's answer to one requirement. NOT_RELEVANT needs a reason (the justification). */
public enum AnswerStatus {
    MET, PARTLY_MET, NOT_MET, NOT_RELEVANT;

    /** Whether this answer lets a mandatory solution be published. */
    public boolean satisfies() {
        return this == MET || this == NOT_RELEVANT;
    }
}
