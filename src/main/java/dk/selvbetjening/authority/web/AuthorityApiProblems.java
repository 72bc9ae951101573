package dk.selvbetjening.authority.web;

import java.net.URI;
import java.util.Locale;

import dk.selvbetjening.authority.InvalidAuthorityException;
import dk.selvbetjening.authority.StaleAuthorityException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The authorities API's own errors as Danish problem details: what to fix per field, and If-Match. */
@RestControllerAdvice(assignableTypes = AuthorityApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthorityApiProblems {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final MessageSource messages;

    AuthorityApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The version named by If-Match ("3" or W/"3"); absent → 428, unreadable → 412. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @ExceptionHandler(InvalidAuthorityException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAuthorityException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "authority.api.invalid.title",
                messages.getMessage("authority.api.invalid.detail", new Object[] {e.errors().size()}, DANISH));
        problem.setProperty("errors", e.errors().stream().map(error -> new FieldError(error.field(),
                messages.getMessage(error.messageKey(), error.argumentArray(), DANISH))).toList());
        return respond(problem);
    }

    @ExceptionHandler(StaleAuthorityException.class)
    ResponseEntity<ProblemDetail> stale(StaleAuthorityException e) {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, "authority.api.stale.title",
                messages.getMessage(e.messageKey(), null, DANISH)));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired() {
        return respond(problem(HttpStatus.PRECONDITION_REQUIRED, "authority.api.ifMatch.title",
                messages.getMessage("authority.api.ifMatch.detail", null, DANISH)));
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

    /** One field to fix, in Danish. */
    record FieldError(String field, String message) {
    }

    /** A PUT without If-Match (428). */
    static final class PreconditionRequiredException extends RuntimeException {
        PreconditionRequiredException() {
            super("If-Match required");
        }
    }
}
