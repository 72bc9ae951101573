package dk.selvbetjening.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The largest body one path takes, declared as a bean by the module that owns the path and enforced before the body
 * is read ({@link RequestSizeLimitFilter}): a request stating a larger Content-Length is refused at once, and one
 * without a length (chunked) is read no further than the limit.
 *
 * <p>An API path answers a refused request itself with a Danish 413 problem: {@code titleKey} and {@code detailKey}
 * name its text, the detail with the limit in whole megabytes as {0}. A page ({@link #page}) has no keys: its request
 * goes on without a body and with {@link #exceeded} true, so the page can say so where the user chose the file.
 *
 * @param path the path exactly as requested (no pattern), for POST, PUT and PATCH
 * @param maxBytes the largest body, the multipart envelope around a file included
 */
public record RequestSizeLimit(String path, long maxBytes, String titleKey, String detailKey) {

    static final String EXCEEDED = RequestSizeLimit.class.getName() + ".EXCEEDED";

    public RequestSizeLimit {
        if (path == null || !path.startsWith("/") || maxBytes <= 0 || (titleKey == null) != (detailKey == null)) {
            throw new IllegalArgumentException("A size limit needs a path, a positive size and both keys or none");
        }
    }

    /** A limit on an API path, answered with a Danish problem. */
    public static RequestSizeLimit problem(String path, long maxBytes, String titleKey, String detailKey) {
        return new RequestSizeLimit(path, maxBytes, titleKey, detailKey);
    }

    /** A limit on a page, whose controller answers when {@link #exceeded} says the body was too large. */
    public static RequestSizeLimit page(String path, long maxBytes) {
        return new RequestSizeLimit(path, maxBytes, null, null);
    }

    /** Whether the request's body was over its path's limit and left unread. */
    public static boolean exceeded(HttpServletRequest request) {
        return request.getAttribute(EXCEEDED) != null;
    }

    boolean answersWithProblem() {
        return titleKey != null;
    }

    /** The limit as the messages say it: whole megabytes. */
    long megabytes() {
        return maxBytes / (1024 * 1024);
    }
}
