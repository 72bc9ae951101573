package dk.selvbetjening.actionpage.web;

import java.net.URI;
import java.util.Locale;

import dk.selvbetjening.actionpage.word.DocxRejectedException.Reason;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The import API's Danish problem answers to a refused file: 413 too large, 503 busy, 400 otherwise. */
final class DocxProblems {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private DocxProblems() {
    }

    static HttpStatus status(Reason reason) {
        return switch (reason) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    static ProblemDetail problem(MessageSource messages, Reason reason) {
        ProblemDetail problem = ProblemDetail.forStatus(status(reason));
        problem.setType(URI.create("about:blank"));
        problem.setTitle(messages.getMessage(titleKey(reason), null, DANISH));
        problem.setDetail(messages.getMessage(reason.messageKey(), reason.arguments(), DANISH));
        return problem;
    }

    private static String titleKey(Reason reason) {
        return switch (reason) {
            case TOO_LARGE -> "docx.api.tooLarge.title";
            case BUSY -> "docx.api.busy.title";
            default -> "docx.api.rejected.title";
        };
    }
}
