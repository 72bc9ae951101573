package dk.selvbetjening.authority.web;

import java.util.Locale;

import dk.selvbetjening.authority.InvalidAuthorityException;
import dk.selvbetjening.authority.StaleAuthorityException;
import dk.selvbetjening.shared.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The authorities API's own errors as Danish problem details: what to fix per field, and If-Match. */
@RestControllerAdvice(assignableTypes = AuthorityApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthorityApiProblems {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final MessageSource messages;

    AuthorityApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The version named by If-Match ("3" or W/"3"); absent → 428, unreadable → an outdated version (412). */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        return AuthorityForm.version(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
    }

    @ExceptionHandler(InvalidAuthorityException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAuthorityException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, text("authority.api.invalid.title"),
                messages.getMessage("authority.api.invalid.detail", new Object[] {e.errors().size()}, DANISH));
        problem.setProperty("errors", e.errors().stream().map(error -> new FieldError(error.field(),
                messages.getMessage(error.messageKey(), error.argumentArray(), DANISH))).toList());
        return Problems.respond(problem);
    }

    @ExceptionHandler(StaleAuthorityException.class)
    ResponseEntity<ProblemDetail> stale(StaleAuthorityException e) {
        return Problems.respond(Problems.of(HttpStatus.PRECONDITION_FAILED, text("authority.api.stale.title"),
                text(e.messageKey())));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired() {
        return Problems.respond(Problems.of(HttpStatus.PRECONDITION_REQUIRED, text("authority.api.ifMatch.title"),
                text("authority.api.ifMatch.detail")));
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
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
