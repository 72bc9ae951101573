package dk.selvbetjening.actionpage.web;

import java.io.IOException;
import java.util.Locale;

import dk.selvbetjening.actionpage.ActionPageDocx;
import dk.selvbetjening.actionpage.DocxRejectedException.Reason;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an import over the size limit with the API's Danish 413 before the upload is read: at once when the
 * request says its length, and when it does not (chunked), as soon as the servlet container's multipart limit
 * (spring.servlet.multipart, far above ours) stops reading it. Without this the container's limit would end in
 * Spring's generic answer, as the municipal link import's own handler leaves other paths to it. Registered for the
 * import's path only ({@link DocxWebConfiguration}), so other requests never pass through it.
 */
class DocxUploadSizeFilter extends OncePerRequestFilter {

    /** The file and the multipart envelope around it. */
    static final long MAX_REQUEST_BYTES = ActionPageDocx.MAX_BYTES + 64 * 1024;

    private final MessageSource messages;
    private final JsonMapper json;

    DocxUploadSizeFilter(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && path.equals(ActionPageDocxApiController.IMPORT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES || (request.getContentLengthLong() < 0
                && isMultipart(request) && exceedsContainerLimit(request))) {
            response.setStatus(DocxProblems.status(Reason.TOO_LARGE).value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(),
                    DocxProblems.asMap(DocxProblems.problem(messages, Reason.TOO_LARGE), request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Reads the parts (the container keeps them for the controller) and says if its size limit stopped it. */
    private static boolean exceedsContainerLimit(HttpServletRequest request) {
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String text = (cause.getClass().getSimpleName() + " " + cause.getMessage()).toLowerCase(Locale.ROOT);
                if (text.contains("exceed") || text.contains("sizelimit") || text.contains("sizeexception")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | ServletException e) {
            return false;
        }
    }
}
