package dk.selvbetjening.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the backoffice menu where the reader is: {@code navSection} is the first path segment under
 * {@code /redaktion} ("tilslutninger" on {@code /redaktion/tilslutninger/TS-…}, "" on the start page), and
 * {@code navExact} whether the page is the section's own address (then its link carries
 * {@code aria-current="page"}, on a page inside the section {@code aria-current="true"}).
 */
@ControllerAdvice
class BackofficeNavigation {

    private static final String BASE = "/redaktion";

    @ModelAttribute("navSection")
    String section(HttpServletRequest request) {
        String path = path(request);
        if (path == null) {
            return null;
        }
        String rest = path.length() <= BASE.length() ? "" : path.substring(BASE.length() + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @ModelAttribute("navExact")
    boolean exact(HttpServletRequest request) {
        String path = path(request);
        return path != null && path.indexOf('/', BASE.length() + 1) < 0;
    }

    /** The request's path when it is a backoffice page, without a trailing slash; else null. */
    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        return path.equals(BASE) || path.startsWith(BASE + "/") ? path : null;
    }
}
