package dk.selvbetjening.compliance;

/** An editor's view of one answer: not yet looked at, verified, or questioned (with a note). */
public enum AnswerReview {
    UNREVIEWED, VERIFIED, QUESTIONED
}
