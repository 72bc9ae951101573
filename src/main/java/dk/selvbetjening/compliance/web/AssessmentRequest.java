package dk.selvbetjening.compliance.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Answers to record; requirements not listed keep their answers. */
record AssessmentRequest(List<AnswerRequest> answers) {

    /** One answer. */
    record AnswerRequest(
            @Schema(description = "The requirement's number, e.g. \"2.10\"") String requirement,
            @Schema(description = "MET, PARTLY_MET, NOT_MET or NOT_RELEVANT") String status,
            @Schema(description = "Why; required for NOT_RELEVANT") String justification,
            @Schema(description = "A link to evidence (optional)") String evidenceUrl) {
    }
}
