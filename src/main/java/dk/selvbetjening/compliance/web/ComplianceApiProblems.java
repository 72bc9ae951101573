package dk.selvbetjening.compliance.web;

import java.net.URI;
import java.util.Locale;

import dk.selvbetjening.compliance.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The compliance API's own errors as Danish problem details. */
@RestControllerAdvice(assignableTypes = ComplianceApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ComplianceApiProblems {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final MessageSource messages;

    ComplianceApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "compliance.api.invalid.title",
                messages.getMessage("compliance.api.invalid.detail", new Object[] {e.errors().size()}, DANISH));
        problem.setProperty("errors", e.errors().entrySet().stream()
                .map(error -> new FieldError(error.getKey(), messages.getMessage(error.getValue(), null, DANISH)))
                .toList());
        return respond(problem);
    }

    @ExceptionHandler(ComplianceApiController.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired() {
        return respond(problem(HttpStatus.PRECONDITION_REQUIRED, "compliance.api.ifMatch.title",
                messages.getMessage("compliance.api.ifMatch.detail", null, DANISH)));
    }

    @ExceptionHandler(ComplianceApiController.PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> stale() {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, "compliance.api.stale.title",
                messages.getMessage("compliance.api.stale.detail", null, DANISH)));
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(messages.getMessage(titleKey, null, DANISH));
        problem.setDetail(detail);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** One field to fix. */
    record FieldError(String field, String message) {
    }

}
