package dk.selvbetjening.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.NotFoundException;
import dk.selvbetjening.shared.RefusedException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BadParameterException.class)
    @ApiResponse(responseCode = "400", description = "A parameter the caller can fix, named in errors[].field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        String message = messages.getMessage(e.messageKey(), e.arguments(), DANISH);
        return badRequest(e.parameter(), message);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ApiResponse(responseCode = "400", description = "A parameter the caller can fix, named in errors[].field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = messages.getMessage("api.error.parameter.type", new Object[] {e.getName()}, DANISH);
        return badRequest(e.getName(), message);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ApiResponse(responseCode = "400", description = "A parameter the caller can fix, named in errors[].field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        String message = messages.getMessage("api.error.parameter.missing", new Object[] {e.getParameterName()}, DANISH);
        return badRequest(e.getParameterName(), message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> unreadable() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("api.error.body.title", null, DANISH));
        problem.setDetail(messages.getMessage("api.error.body.detail", null, DANISH));
        return respond(problem);
    }

    @ExceptionHandler({DataIntegrityViolationException.class, ObjectOptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> concurrentChange() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setTitle(messages.getMessage("api.error.conflict.title", null, DANISH));
        problem.setDetail(messages.getMessage("api.error.conflict.detail", null, DANISH));
        return respond(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        problem.setTitle(messages.getMessage("api.error.body.title", null, DANISH));
        problem.setDetail(messages.getMessage("api.error.mediaType.detail", null, DANISH));
        return respond(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    @ApiResponse(responseCode = "404", description = "Not found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(messages.getMessage("api.error.notFound.title", null, DANISH));
        problem.setDetail(messages.getMessage("api.error.notFound.detail", null, DANISH));
        return respond(problem);
    }

    @ExceptionHandler(RefusedException.class)
    @ApiResponse(responseCode = "409", description = "Refused; missing[] lists what is missing, in Danish",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = RefusedProblem.class)))
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setTitle(messages.getMessage(e.titleKey(), null, DANISH));
        problem.setDetail(messages.getMessage("api.error.refused.detail", new Object[] {e.reasons().size()}, DANISH));
        problem.setProperty("missing", e.reasons());
        return respond(problem);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        String seconds = RateLimitedException.retryAfterSeconds(e.retryAfter());
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
        problem.setTitle(messages.getMessage("api.error.rateLimited.title", null, DANISH));
        problem.setDetail(messages.getMessage("api.error.rateLimited.detail", new Object[] {seconds}, DANISH));
        problem.setType(ABOUT_BLANK);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, seconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<ProblemDetail> badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("api.error.badRequest.title", null, DANISH));
        problem.setDetail(message);
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        problem.setType(ABOUT_BLANK);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The shape of a problem response, for the API's description. */
    record ApiProblem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    }

    /** The shape of a refusal: what is missing, one Danish sentence each. */
    record RefusedProblem(String type, String title, int status, String detail, List<String> missing) {
    }

    /** One problem with one field of the request. */
    record FieldError(String field, String message) {
    }
}
