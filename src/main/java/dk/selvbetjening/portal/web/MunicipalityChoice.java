package dk.selvbetjening.portal.web;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

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
 * Which municipality the citizen has chosen: the {@code kommunekode} parameter (name in any case, "101" or
 * "0101"), else the cookie that remembers an earlier choice. A code in the link that names no municipality is
 * reported back (so the page can say so) and chooses nothing.
 */
@Component
class MunicipalityChoice {

    static final String PARAMETER = "kommunekode";
    static final String COOKIE = "kommunekode";
    private static final int MAX_ECHO = 20;

    private final PortalProperties properties;
    private final java.util.concurrent.ConcurrentMap<Integer, String> plainCookies =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<Integer, String> secureCookies =
            new java.util.concurrent.ConcurrentHashMap<>();

    MunicipalityChoice(PortalProperties properties) {
        this.properties = properties;
    }

    /** The outcome of reading the request. */
    record Resolved(MunicipalitySummary municipality, String rejectedCode, boolean fromParameter) {

        Integer code() {
            return municipality == null ? null : municipality.code();
        }
    }

    Resolved resolve(HttpServletRequest request, CitizenCatalogue.Snapshot snapshot) {
        Optional<String> given = parameter(request, PARAMETER);
        if (given.isPresent()) {
            Optional<MunicipalitySummary> found = find(given.get(), snapshot);
            return found.map(m -> new Resolved(m, null, true))
                    .orElseGet(() -> new Resolved(null, echo(given.get()), true));
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<MunicipalitySummary> found = find(cookie.getValue(), snapshot);
                    if (found.isPresent()) {
                        return new Resolved(found.get(), null, false);
                    }
                }
            }
        }
        return new Resolved(null, null, false);
    }

    /** Remembers a municipality chosen through a parameter. */
    void remember(Resolved resolved, HttpServletRequest request, HttpServletResponse response) {
        if (resolved.municipality() != null && resolved.fromParameter()) {
            remember(resolved.municipality(), request, response);
        }
    }

    void remember(MunicipalitySummary municipality, HttpServletRequest request, HttpServletResponse response) {
        boolean secure = properties.secureCookies() || request.isSecure();
        String header = (secure ? secureCookies : plainCookies).computeIfAbsent(municipality.code(),
                code -> cookie(code, secure));
        response.addHeader("Set-Cookie", header);
    }

    /** The cookie as a header value; Max-Age without Expires, so the same text serves every request. */
    private String cookie(int code, boolean secure) {
        return ResponseCookie.from(COOKIE, Integer.toString(code))
                .path("/")
                .maxAge(properties.municipalityCookieMaxAge())
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .build().toString().replaceAll("; Expires=[^;]*", "");
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
