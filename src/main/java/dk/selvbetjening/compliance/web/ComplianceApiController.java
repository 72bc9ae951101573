package dk.selvbetjening.compliance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import dk.selvbetjening.compliance.AnswerInput;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.AssessmentDetails;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.InvalidInputException;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.shared.web.IfMatch;
import dk.selvbetjening.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Udviklingsvejledningen's requirements and the assessments of self-services in the JSON API. Anyone reads the
 * requirements and the assessment of a published solution; the owning authority's editors and editors also read
 * an unpublished one and record answers with HTTP Basic, guarded by ETag/If-Match.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Requirements and assessments")
class ComplianceApiController {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final RequirementCatalogue catalogue;
    private final AssessmentService assessments;
    private final MessageSource messages;
    private final Problems problems;

    ComplianceApiController(RequirementCatalogue catalogue, AssessmentService assessments, MessageSource messages) {
        this.catalogue = catalogue;
        this.assessments = assessments;
        this.messages = messages;
        this.problems = new Problems(messages);
    }

    @GetMapping("/requirements")
    @Operation(summary = "The requirements in force, by number; verified false marks a draft wording")
    RequirementResponse.Catalogue requirements() {
        return new RequirementResponse.Catalogue(catalogue.version(), catalogue.inForce().stream()
                .map(r -> RequirementResponse.of(r, messages.getMessage("compliance.area." + r.area(), null, DANISH)))
                .toList());
    }

    @GetMapping("/services/{slug}/assessment")
    @Operation(summary = "A self-service's assessment: anyone for a published one; the owning authority's editors "
            + "and editors for an unpublished one")
    ResponseEntity<AssessmentResponse> assessment(@PathVariable String slug) {
        AssessmentDetails assessment = assessments.visible(slug);
        return ResponseEntity.ok().eTag(assessment.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(AssessmentResponse.of(assessment, assessments.missing(assessment.readiness())));
    }

    @PutMapping(path = "/services/{slug}/assessment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record answers (the owning authority's editors or EDITOR; If-Match with the ETag required). "
            + "Requirements not listed keep their answers")
    ResponseEntity<AssessmentResponse> answer(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AssessmentRequest body) {
        AssessmentDetails current = assessments.visible(slug);
        if (!assessments.mayAnswer(current.service())) {
            throw new AccessDeniedException("May not answer " + slug);
        }
        OptionalLong version = IfMatch.version(ifMatch, "compliance.api.ifMatch");
        if (version.isEmpty() || version.getAsLong() != current.version()) {
            throw new PreconditionFailedException();
        }
        List<AnswerInput> answers = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (AssessmentRequest.AnswerRequest answer : body.answers() == null ? List.<AssessmentRequest.AnswerRequest>of()
                : body.answers()) {
            if (answer == null) {
                continue;
            }
            AnswerStatus status = null;
            try {
                status = answer.status() == null ? null : AnswerStatus.valueOf(answer.status().strip());
            } catch (IllegalArgumentException e) {
                errors.put("status_" + answer.requirement(), "compliance.answer.error.status");
            }
            answers.add(new AnswerInput(answer.requirement(), status, answer.justification(), answer.evidenceUrl()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AssessmentDetails saved = assessments.answer(current.service().id(), current.version(), answers);
        return ResponseEntity.ok().eTag(saved.etag())
                .body(AssessmentResponse.of(saved, assessments.missing(saved.readiness())));
    }

    /** A PUT whose If-Match is not the current ETag (412). */
    static class PreconditionFailedException extends RuntimeException {
        PreconditionFailedException() {
            super("If-Match does not match");
        }
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problems.invalid("compliance.api.invalid", e.errors().entrySet().stream()
                .map(error -> new Problems.FieldError(error.getKey(), problems.text(error.getValue()))).toList());
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> stale() {
        return problems.respond(HttpStatus.PRECONDITION_FAILED, "compliance.api.stale.title",
                problems.text("compliance.api.stale.detail"));
    }
}
