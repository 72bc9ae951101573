package dk.selvbetjening.compliance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.selvbetjening.compliance.AssessmentDetails;
import dk.selvbetjening.compliance.ExemptionDetails;
import dk.selvbetjening.compliance.RequirementAssessment;
import io.swagger.v3.oas.annotations.media.Schema;

/** A self-service's assessment against the requirements in force. */
record AssessmentResponse(
        String service,
        String title,
        Integer mandatoryWave,
        @Schema(description = "The catalogue version last answered; null before any answer") Integer catalogueVersion,
        int currentCatalogueVersion,
        @Schema(description = "Whether the requirements let it be published (always true when not mandatory)")
        boolean mayPublish,
        @Schema(description = "The requirements not satisfied, in Danish") List<String> missing,
        List<Answer> answers,
        @Schema(description = "The valid exemption, or null") Exemption exemption,
        @Schema(description = "The year of signOff and signOffState") int year,
        @Schema(description = "SIGNED_OFF, PENDING or FAILING this year; null when not mandatory") String signOffState,
        @Schema(description = "This year's readiness sign-off, or null") SignOff signOff) {

    /** One requirement in force and its answer (status null: not answered). */
    record Answer(
            @Schema(description = "The requirement's number, e.g. \"2.10\"") String requirement,
            String title,
            boolean verified,
            @Schema(description = "MET, NOT_RELEVANT, UNANSWERED, OLDER_WORDING, QUESTIONED, PARTLY_MET or NOT_MET")
            String state,
            @Schema(description = "MET, PARTLY_MET, NOT_MET or NOT_RELEVANT") String status,
            String justification,
            String evidenceUrl,
            @Schema(description = "false: it answered an older wording") Boolean currentWording,
            @Schema(description = "UNREVIEWED, VERIFIED or QUESTIONED") String review,
            String reviewNote,
            Instant answeredAt) {
    }

    record Exemption(String reason, LocalDate validUntil, Instant grantedAt) {
    }

    record SignOff(int year, int catalogueVersion, Instant signedAt) {
    }

    static AssessmentResponse of(AssessmentDetails a, List<String> missing) {
        List<Answer> answers = a.rows().stream().map(AssessmentResponse::answer).toList();
        ExemptionDetails valid = a.readiness().exemption();
        return new AssessmentResponse(a.service().slug(), a.service().title(), a.service().mandatoryWave(),
                a.catalogueVersion(), a.currentCatalogueVersion(), a.readiness().passes(), missing, answers,
                valid == null ? null : new Exemption(valid.reason(), valid.validUntil(), valid.grantedAt()), a.year(),
                a.signOffState() == null ? null : a.signOffState().name(),
                a.signOff() == null ? null
                        : new SignOff(a.signOff().year(), a.signOff().catalogueVersion(), a.signOff().signedAt()));
    }

    private static Answer answer(RequirementAssessment row) {
        var r = row.requirement();
        var answer = row.answer();
        if (answer == null) {
            return new Answer(r.number(), r.title(), r.verified(), row.state().name(), null, null, null, null, null,
                    null, null);
        }
        return new Answer(r.number(), r.title(), r.verified(), row.state().name(), answer.status().name(),
                answer.justification(), answer.evidenceUrl(), answer.currentWording(), answer.review().name(),
                answer.reviewNote(), answer.answeredAt());
    }
}
