package dk.selvbetjening.compliance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One answer of an assessment, with the wording it answered and an editor's review of it. */
@Embeddable
class Answer {

    @Column(name = "wording_revision", nullable = false)
    private int wordingRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AnswerStatus status;

    private String justification;

    @Column(name = "evidence_url")
    private String evidenceUrl;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    @Column(name = "answered_by", nullable = false)
    private String answeredBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AnswerReview review;

    @Column(name = "review_note")
    private String reviewNote;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    protected Answer() {
    }

    Answer(int wordingRevision, AnswerStatus status, String justification, String evidenceUrl, Instant at, String by) {
        if (status == AnswerStatus.NOT_RELEVANT && (justification == null || justification.isBlank())) {
            throw new IllegalArgumentException("NOT_RELEVANT needs a reason");
        }
        this.wordingRevision = wordingRevision;
        this.status = status;
        this.justification = justification;
        this.evidenceUrl = evidenceUrl;
        this.answeredAt = at;
        this.answeredBy = by;
        this.review = AnswerReview.UNREVIEWED;
    }

    /** Whether {@code other} says the same about the same wording (then an editor's review still stands). */
    boolean sameAs(Answer other) {
        return wordingRevision == other.wordingRevision && status == other.status
                && java.util.Objects.equals(justification, other.justification)
                && java.util.Objects.equals(evidenceUrl, other.evidenceUrl);
    }

    void review(AnswerReview outcome, String note, Instant at, String by) {
        if (outcome == AnswerReview.QUESTIONED && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("A question needs a note");
        }
        this.review = outcome;
        this.reviewNote = note;
        this.reviewedAt = at;
        this.reviewedBy = by;
    }

    boolean unreviewed() {
        return review == AnswerReview.UNREVIEWED;
    }

    AnswerDetails toDetails(String number, int currentWordingRevision) {
        return new AnswerDetails(number, status, justification, evidenceUrl, wordingRevision,
                wordingRevision == currentWordingRevision, answeredAt, answeredBy, review, reviewNote, reviewedAt,
                reviewedBy);
    }
}
