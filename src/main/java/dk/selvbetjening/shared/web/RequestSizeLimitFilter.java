package dk.selvbetjening.shared.web;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces the {@link RequestSizeLimit}s before a body is read. A stated Content-Length over the limit is refused at
 * once. A body of unknown length (chunked) is read here, counted, and no further than the limit: a multipart body into
 * its parts (the servlet container's own multipart reading knows only its one global cap), any other into memory;
 * the request then goes on with what was read. Registered for the limited paths only
 * ({@link RequestSizeLimitConfiguration}), ahead of security and MVC.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final Map<String, RequestSizeLimit> limits = new LinkedHashMap<>();
    private final MessageSource messages;
    private final JsonMapper json;

    RequestSizeLimitFilter(List<RequestSizeLimit> limits, MessageSource messages, JsonMapper json) {
        limits.forEach(limit -> this.limits.put(limit.path(), limit));
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WITH_BODY.contains(request.getMethod()) || !limits.containsKey(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestSizeLimit limit = limits.get(path(request));
        long length = request.getContentLengthLong();
        if (length > limit.maxBytes()) {
            refuse(limit, request, response, chain);
            return;
        }
        if (length >= 0) {
            chain.doFilter(request, response);
            return;
        }
        if (isMultipart(request)) {
            ReadBody.Parts parts = ReadBody.parts(request, limit.maxBytes(), temporaryDirectory(request));
            if (parts.tooLarge()) {
                refuse(limit, request, response, chain);
                return;
            }
            try {
                chain.doFilter(new ReadBody(request, new byte[0], parts.parts(), parts.fields()), response);
            } finally {
                parts.delete();
            }
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.maxBytes() + 1));
        if (body.length > limit.maxBytes()) {
            refuse(limit, request, response, chain);
            return;
        }
        chain.doFilter(new ReadBody(request, body, null, Map.of()), response);
    }

    /** An API's Danish problem; a page's request goes on without its body, marked as too large. */
    private void refuse(RequestSizeLimit limit, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        if (!limit.answersWithProblem()) {
            request.setAttribute(RequestSizeLimit.EXCEEDED, limit);
            chain.doFilter(new ReadBody(request, new byte[0], List.of(), Map.of()), response);
            return;
        }
        int status = HttpStatus.CONTENT_TOO_LARGE.value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage(limit.titleKey(), null, DANISH));
        body.put("status", status);
        body.put("detail", messages.getMessage(limit.detailKey(), new Object[] {limit.megabytes()}, DANISH));
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static File temporaryDirectory(HttpServletRequest request) {
        Object directory = request.getServletContext().getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
        return directory instanceof File file ? file : new File(System.getProperty("java.io.tmpdir"));
    }
}
