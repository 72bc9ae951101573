package dk.selvbetjening.shared.web;

import java.util.List;

import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.NotFoundException;
import dk.selvbetjening.shared.RefusedException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the JSON API's errors into RFC 9457 problem responses with Danish text and, for a parameter
 * the caller can fix, {@code errors: [{field, message}]}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    private final Problems problems;

    ApiProblemHandler(MessageSource messages) {
        this.problems = new Problems(messages);
    }

    @ExceptionHandler(BadParameterException.class)
    @ApiResponse(responseCode = "400", description = "A parameter the caller can fix, named in errors[].field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        return badRequest(e.parameter(), problems.text(e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ApiResponse(responseCode = "400", description = "A parameter the caller can fix, named in errors[].field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), problems.text("api.error.parameter.type", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ApiResponse(responseCode = "400", description = "A parameter the caller can fix, named in errors[].field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), problems.text("api.error.parameter.missing", e.getParameterName()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> unreadable() {
        return problems.respond(HttpStatus.BAD_REQUEST, "api.error.body.title", problems.text("api.error.body.detail"));
    }

    @ExceptionHandler({DataIntegrityViolationException.class, ObjectOptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> concurrentChange() {
        return problems.respond(HttpStatus.CONFLICT, "api.error.conflict.title",
                problems.text("api.error.conflict.detail"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType() {
        return problems.respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.error.body.title",
                problems.text("api.error.mediaType.detail"));
    }

    @ExceptionHandler(NotFoundException.class)
    @ApiResponse(responseCode = "404", description = "Not found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problems.respond(HttpStatus.NOT_FOUND, "api.error.notFound.title",
                problems.text("api.error.notFound.detail"));
    }

    @ExceptionHandler(RefusedException.class)
    @ApiResponse(responseCode = "409", description = "Refused; missing[] lists what is missing, in Danish",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = RefusedProblem.class)))
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, e.titleKey(),
                problems.text("api.error.refused.detail", e.reasons().size()));
        problem.setProperty("missing", e.reasons());
        return problems.respond(problem);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        String seconds = RateLimitedException.retryAfterSeconds(e.retryAfter());
        return problems.respond(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "api.error.rateLimited.title",
                problems.text("api.error.rateLimited.detail", seconds)), seconds);
    }

    /** A change sent without If-Match: the Danish 428 answer of the API it was sent to. */
    @ExceptionHandler(IfMatch.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(IfMatch.PreconditionRequiredException e) {
        return problems.respond(HttpStatus.PRECONDITION_REQUIRED, e.messages() + ".title",
                problems.text(e.messages() + ".detail"));
    }

    private ResponseEntity<ProblemDetail> badRequest(String field, String message) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "api.error.badRequest.title", message);
        problem.setProperty("errors", List.of(new Problems.FieldError(field, message)));
        return problems.respond(problem);
    }

    /** The shape of a problem response, for the API's description. */
    record ApiProblem(String type, String title, int status, String detail, String instance,
            List<Problems.FieldError> errors) {
    }

    /** The shape of a refusal: what is missing, one Danish sentence each. */
    record RefusedProblem(String type, String title, int status, String detail, List<String> missing) {
    }
}
