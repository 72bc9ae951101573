package dk.selvbetjening.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every page: written by Spring Security's filter chains, and by hand where a cached
 * citizen page is answered before those chains run ({@code portal.web.CachedCitizenPages}, and the start
 * redirect in {@code portal.web.StartRedirectValve}). A test keeps the two equal.
 *
 * <p>The policy allows nothing inline: no {@code style} attribute, no {@code <style>} or {@code <script>} element, no
 * {@code javascript:} URL; styles and scripts come from this site's own files. HSTS is sent only on a request that
 * came over https (directly, or through a trusted proxy that says so), as a browser ignores it over http.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
    /** One year, this host and its subdomains. */
    public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;
    static final String STRICT_TRANSPORT_SECURITY = "max-age=" + HSTS_MAX_AGE_SECONDS + " ; includeSubDomains";
    private static final Map.Entry<String, String> NO_SNIFF = Map.entry("X-Content-Type-Options", "nosniff");
    private static final Map.Entry<String, String> NO_XSS_FILTER = Map.entry("X-XSS-Protection", "0");
    private static final Map.Entry<String, String> HSTS =
            Map.entry("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    private static final Map.Entry<String, String> NO_FRAMES = Map.entry("X-Frame-Options", "DENY");
    private static final Map.Entry<String, String> CSP = Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    private static final List<Map.Entry<String, String>> CITIZEN = List.of(NO_SNIFF, NO_XSS_FILTER, NO_FRAMES, CSP);
    private static final List<Map.Entry<String, String>> CITIZEN_HTTPS =
            List.of(NO_SNIFF, NO_XSS_FILTER, HSTS, NO_FRAMES, CSP);
    private static final List<Map.Entry<String, String>> REDIRECT =
            List.of(Map.entry("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));
    private static final List<Map.Entry<String, String>> REDIRECT_HTTPS = List.of(REDIRECT.get(0), HSTS);

    private SecurityHeaders() {
    }

    /**
     * Writes the headers Spring Security's citizen chain writes. As there, the three that forbid storing the page are
     * written only when the response says nothing of its own about storing it (no {@code Cache-Control},
     * {@code Expires} or {@code Pragma}) and is not a 304: a citizen page that any cache may keep says so itself
     * (ADR 0024).
     */
    public static void writeCitizenHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(NO_SNIFF.getKey(), NO_SNIFF.getValue());
        response.setHeader(NO_XSS_FILTER.getKey(), NO_XSS_FILTER.getValue());
        if (response.getHeader("Cache-Control") == null && response.getHeader("Expires") == null
                && response.getHeader("Pragma") == null && response.getStatus() != HttpServletResponse.SC_NOT_MODIFIED) {
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
        }
        if (request.isSecure()) {
            response.setHeader(HSTS.getKey(), HSTS.getValue());
        }
        response.setHeader(NO_FRAMES.getKey(), NO_FRAMES.getValue());
        response.setHeader(CSP.getKey(), CSP.getValue());
    }

    /**
     * The headers {@link #writeCitizenHeaders} writes on a response that says itself how it may be stored (it has a
     * {@code Cache-Control}), name and value in the order written: for a citizen page answered from memory, whose
     * headers are encoded once ({@code portal.web.CachedCitizenPageValve}).
     */
    public static List<Map.Entry<String, String>> citizenHeadersWithOwnCaching(boolean secure) {
        return secure ? CITIZEN_HTTPS : CITIZEN;
    }

    /**
     * The headers of a redirect without a body (a citizen's start redirect), name and value in the order written: that
     * it is never stored (it counts a start and may set a cookie) and, over https, HSTS. The others are about a
     * document the browser shows — what it may run or frame, how it reads the body — and a redirect has none: the
     * browser applies the target's own.
     */
    public static List<Map.Entry<String, String>> redirectHeaders(boolean secure) {
        return secure ? REDIRECT_HTTPS : REDIRECT;
    }

    /** Writes {@link #redirectHeaders}. */
    public static void writeRedirectHeaders(HttpServletRequest request, HttpServletResponse response) {
        redirectHeaders(request.isSecure()).forEach(header -> response.setHeader(header.getKey(), header.getValue()));
    }
}
