package dk.selvbetjening.municipallink.web;

import dk.selvbetjening.municipallink.MunicipalLinkProperties;
import dk.selvbetjening.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the servlet container's hard multipart cap (spring.servlet.multipart, far above
 * {@code selvbetjening.municipallink.max-upload-size}) is refused before any controller runs. For the API import
 * this answers the same Danish 413 problem as a file over the setting; other uploads keep Spring's default
 * handling. (The backoffice's form never gets here: the CSRF filter already fails on the cut-off body.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

    static final String API_IMPORT = "/api/v1/municipal-links/import";

    private final Problems problems;
    private final MunicipalLinkProperties properties;

    UploadLimitHandler(MessageSource messages, MunicipalLinkProperties properties) {
        this.problems = new Problems(messages);
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(API_IMPORT)) {
            return MunicipalLinkApiController.tooLarge(problems, properties);
        }
        throw e;
    }
}
