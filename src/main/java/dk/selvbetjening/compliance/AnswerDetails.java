package dk.selvbetjening.compliance;

import java.time.Instant;

/**
 * One answer. {@code currentWording} false: it answered an older wording of the requirement and must be given again.
 * {@code review}: an editor's verification or question ({@code reviewNote}).
 */
public record AnswerDetails(String requirement, AnswerStatus status, String justification, String evidenceUrl,
        int wordingRevision, boolean currentWording, Instant answeredAt, String answeredBy, AnswerReview review,
        String reviewNote, Instant reviewedAt, String reviewedBy) {
}
