package dk.selvbetjening.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The JSON API's errors as RFC 9457 problem responses: {@code application/problem+json}, type {@code about:blank},
 * a Danish title and detail from {@code messages.properties}. The one way every module words an API error; an API
 * controller makes one from its {@link MessageSource} and maps its own exceptions with it.
 */
public final class Problems {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** The Danish message {@code key}, its placeholders filled with {@code arguments}. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }

    /** A problem with the Danish title named by {@code titleKey} and {@code detail}, already in Danish. */
    public ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(text(titleKey));
        problem.setDetail(detail);
        return problem;
    }

    /** {@link #problem} as a response. */
    public ResponseEntity<ProblemDetail> respond(HttpStatus status, String titleKey, String detail) {
        return respond(problem(status, titleKey, detail));
    }

    /**
     * 400 with what to fix per field in {@code errors}: the title is the message {@code <messages>.title}, the detail
     * {@code <messages>.detail} with the number of errors as its argument.
     */
    public ResponseEntity<ProblemDetail> invalid(String messages, List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, messages + ".title",
                text(messages + ".detail", errors.size()));
        problem.setProperty("errors", List.copyOf(errors));
        return respond(problem);
    }

    /** The problem as an {@code application/problem+json} response with its status. */
    public ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return respond(problem, null);
    }

    /** The problem as a response that also says, when not null, after how many seconds to try again. */
    public ResponseEntity<ProblemDetail> respond(ProblemDetail problem, String retryAfterSeconds) {
        problem.setType(ABOUT_BLANK);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return response.body(problem);
    }

    /** One thing to fix in one field of the request, in Danish. */
    public record FieldError(String field, String message) {
    }
}
