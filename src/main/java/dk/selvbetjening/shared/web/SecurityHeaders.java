package dk.selvbetjening.shared.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every page: written by Spring Security's filter chains, and by hand where a cached
 * citizen page is answered before those chains run ({@code portal.web.CachedCitizenPageFilter}). A test keeps the
 * two equal.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    /** Writes the headers Spring Security's citizen chain writes. */
    public static void writeCitizenHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
