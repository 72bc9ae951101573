package dk.selvbetjening.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dk.selvbetjening.authority.MunicipalityCode;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Which municipality applies to the citizen's request (ADR 0004): the {@code kommunekode} parameter (name in any
 * case, "101" or "0101"), else the one a link brought earlier in this visit (a session cookie), else the one the
 * citizen chose in the form (a cookie kept for a year). Only the citizen's own choice is kept beyond the visit: a
 * link's code preselects for the visit and is never taken for the citizen's choice. A code in the link that names no
 * municipality is reported back (so the page can say so) and chooses nothing; an empty one counts as none.
 */
@Component
class MunicipalityChoice {

    static final String PARAMETER = "kommunekode";
    /** The municipality the citizen chose in the form; kept for a year. */
    static final String CHOSEN_COOKIE = "kommunekode";
    /** The municipality a link brought; a session cookie, kept for the visit. */
    static final String VISIT_COOKIE = "kommunekode-fra-link";
    private static final int MAX_ECHO = 20;

    private final PortalProperties properties;
    private static final byte[] SET_COOKIE = EncodedHeaders.ascii("Set-Cookie");

    /** The Set-Cookie headers by kind, secure flag and code: the same text for every request. */
    private final ConcurrentMap<CookieKey, SetCookie> headers = new ConcurrentHashMap<>();

    private record CookieKey(String name, boolean secure, Integer code) {
    }

    /** A Set-Cookie header's value, as text and as the ASCII bytes Tomcat writes. */
    private record SetCookie(String text, byte[] bytes) {
    }

    MunicipalityChoice(PortalProperties properties) {
        this.properties = properties;
    }

    /**
     * The outcome of reading the request.
     *
     * @param municipality the municipality that applies, or null
     * @param rejectedCode a code in the link that names no municipality, or null
     * @param fromLink the municipality came from the link's parameter and differs from both cookies, so the visit
     *     cookie must be set
     * @param chosen the municipality the citizen chose in the form (the year-long cookie), or null
     * @param inLink the link's parameter named a municipality or a code the page rejects: the link alone decides which
     *     municipality the page shows, whatever the cookies say
     */
    record Resolved(MunicipalitySummary municipality, String rejectedCode, boolean fromLink, MunicipalitySummary chosen,
            boolean inLink) {

        Integer code() {
            return municipality == null ? null : municipality.code();
        }
    }

    Resolved resolve(HttpServletRequest request, CitizenCatalogue.Snapshot snapshot) {
        Optional<String> given = parameter(request, PARAMETER).filter(code -> !code.isBlank());
        if (given.isPresent()) {
            Optional<MunicipalitySummary> found = find(given.get(), snapshot);
            if (found.isEmpty()) {
                return new Resolved(null, echo(given.get()), false,
                        cookie(request, CHOSEN_COOKIE, snapshot).orElse(null), true);
            }
            return inLink(found.get(), request, snapshot);
        }
        return withoutCode(request, snapshot);
    }

    /**
     * What {@link #resolve} gives when the link's {@code kommunekode} names {@code municipality}: for a caller that
     * read the parameter itself (the start redirect's valve, from the raw query string).
     */
    Resolved inLink(MunicipalitySummary municipality, HttpServletRequest request, CitizenCatalogue.Snapshot snapshot) {
        MunicipalitySummary chosen = cookie(request, CHOSEN_COOKIE, snapshot).orElse(null);
        int code = municipality.code();
        boolean known = (chosen != null && chosen.code() == code)
                || cookie(request, VISIT_COOKIE, snapshot).filter(visit -> visit.code() == code).isPresent();
        return new Resolved(municipality, null, !known, chosen, true);
    }

    /** What {@link #resolve} gives when the request has no (or a blank) {@code kommunekode}: the cookies decide. */
    Resolved withoutCode(HttpServletRequest request, CitizenCatalogue.Snapshot snapshot) {
        MunicipalitySummary chosen = cookie(request, CHOSEN_COOKIE, snapshot).orElse(null);
        MunicipalitySummary visit = cookie(request, VISIT_COOKIE, snapshot).orElse(null);
        return new Resolved(visit != null ? visit : chosen, null, false, chosen, false);
    }

    /** Keeps a municipality that came in a link for the rest of the visit (a session cookie), nothing else. */
    void remember(Resolved resolved, HttpServletRequest request, HttpServletResponse response) {
        if (resolved.municipality() != null && resolved.fromLink()) {
            SetCookie cookie = setCookie(VISIT_COOKIE, resolved.code(), request);
            if (response instanceof org.apache.catalina.connector.Response tomcat) {
                // answered in Tomcat's engine (the citizen fast paths): the bytes, not the text encoded again
                EncodedHeaders.add(tomcat.getCoyoteResponse().getMimeHeaders(), SET_COOKIE, cookie.bytes());
            } else {
                response.addHeader("Set-Cookie", cookie.text());
            }
        }
    }

    /** Keeps the citizen's own choice for a year, and forgets a municipality a link brought in this visit. */
    void rememberChosen(MunicipalitySummary municipality, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(CHOSEN_COOKIE, municipality.code(), request));
        if (hasCookie(request, VISIT_COOKIE)) {
            response.addHeader("Set-Cookie", header(VISIT_COOKIE, null, request));
        }
    }

    /** The cookie as a header value: a code, or null to delete the cookie. */
    private String header(String name, Integer code, HttpServletRequest request) {
        return setCookie(name, code, request).text();
    }

    private SetCookie setCookie(String name, Integer code, HttpServletRequest request) {
        boolean secure = properties.secureCookies() || request.isSecure();
        return headers.computeIfAbsent(new CookieKey(name, secure, code), key -> {
            ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, code == null ? "" : code.toString())
                    .path("/").httpOnly(true).secure(secure).sameSite("Lax");
            if (code == null) {
                cookie.maxAge(0);
            } else if (CHOSEN_COOKIE.equals(name)) {
                cookie.maxAge(properties.municipalityCookieMaxAge());
            }
            // Max-Age without Expires, so the same text serves every request; none at all: a session cookie
            String text = cookie.build().toString().replaceAll("; Expires=[^;]*", "");
            return new SetCookie(text, text.getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    private static Optional<MunicipalitySummary> cookie(HttpServletRequest request, String name,
            CitizenCatalogue.Snapshot snapshot) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    Optional<MunicipalitySummary> found = find(cookie.getValue(), snapshot);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    static Optional<MunicipalitySummary> find(String text, CitizenCatalogue.Snapshot snapshot) {
        return MunicipalityCode.find(text, snapshot::municipality);
    }

    /** The first value of a parameter whose name matches {@code name} in any case. */
    static Optional<String> parameter(HttpServletRequest request, String name) {
        String exact = request.getParameter(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String candidate = names.nextElement();
            if (candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.ofNullable(request.getParameter(candidate));
            }
        }
        return Optional.empty();
    }

    private static String echo(String given) {
        String stripped = given.strip();
        return stripped.length() > MAX_ECHO ? stripped.substring(0, MAX_ECHO) + "…" : stripped;
    }
}
