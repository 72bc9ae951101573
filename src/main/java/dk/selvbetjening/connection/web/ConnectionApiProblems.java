package dk.selvbetjening.connection.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.FieldProblem;
import dk.selvbetjening.connection.IdempotencyKeyReusedException;
import dk.selvbetjening.connection.IllegalTransitionException;
import dk.selvbetjening.connection.InvalidSubmissionException;
import dk.selvbetjening.connection.StaleRequestException;
import dk.selvbetjening.connection.StatusLinkNotFoundException;
import dk.selvbetjening.shared.web.RateLimitedException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The connection API's errors as Danish problem details. */
@RestControllerAdvice(assignableTypes = ConnectionRequestApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectionApiProblems {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final MessageSource messages;
    private final ConnectionIntakeService requests;

    ConnectionApiProblems(MessageSource messages, ConnectionIntakeService requests) {
        this.messages = messages;
        this.requests = requests;
    }

    @ExceptionHandler(InvalidSubmissionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSubmissionException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "connection.api.invalid.title",
                messages.getMessage("connection.api.invalid.detail", new Object[] {e.problems().size()}, DANISH));
        List<FieldProblem> errors = e.problems();
        problem.setProperty("errors", errors);
        return respond(problem, null);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused() {
        String detail = messages.getMessage("connection.api.idempotencyKeyReused.detail", null, DANISH);
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "connection.api.idempotencyKeyReused.title",
                detail);
        problem.setProperty("errors", List.of(new FieldProblem("Idempotency-Key", detail)));
        return respond(problem, null);
    }

    /** An unknown, wrong or expired status link: one answer for all, saying whom to write to. */
    @ExceptionHandler(StatusLinkNotFoundException.class)
    ResponseEntity<ProblemDetail> statusLinkNotFound() {
        return respond(problem(HttpStatus.NOT_FOUND, "connection.statusLink.notFound.title",
                requests.statusLinkNotFoundText()), null);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalTransitionException e) {
        return respond(problem(HttpStatus.CONFLICT, "connection.api.conflict.title", e.getMessage()), null);
    }

    @ExceptionHandler(StaleRequestException.class)
    ResponseEntity<ProblemDetail> stale(StaleRequestException e) {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, "connection.api.stale.title",
                messages.getMessage("connection.error.stale", null, DANISH)), null);
    }

    @ExceptionHandler(ConnectionRequestApiController.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired() {
        return respond(problem(HttpStatus.PRECONDITION_REQUIRED, "connection.api.ifMatch.title",
                messages.getMessage("connection.api.ifMatch.detail", null, DANISH)), null);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return respond(problem(HttpStatus.TOO_MANY_REQUESTS, "connection.api.rateLimited.title",
                messages.getMessage("connection.error.rateLimited", null, DANISH)),
                RateLimitedException.retryAfterSeconds(e.retryAfter()));
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(messages.getMessage(titleKey, null, DANISH));
        problem.setDetail(detail);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, String retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return builder.body(problem);
    }
}
