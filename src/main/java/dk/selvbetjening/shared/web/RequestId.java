package dk.selvbetjening.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: in the logging MDC (key {@value #MDC_KEY}) for every log line written while it is
 * handled, in the {@value #HEADER} response header, and as the error id on the 500 page, so a citizen can quote it
 * and an operator can find that request's log lines.
 *
 * <p>An incoming {@value #HEADER} is taken only from a trusted proxy (the addresses of
 * {@code server.tomcat.remoteip.internal-proxies}; Tomcat's RemoteIpValve marks such a request with
 * {@value #FORWARDED_BY_TRUSTED_PROXY}) and only when it is well formed (1-64 letters, digits, '.', '_', '-'), so a
 * proxy's id ties its access log to ours while a client can neither choose its id nor put anything odd in our logs.
 * Otherwise the id is 16 random hexadecimal digits.
 *
 * <p>The citizen fast paths that answer before the filters (the cached citizen pages and the start redirect, in
 * {@code portal.web}) give their answers an id by {@link #answer}: the same rules, no MDC (they write no log line).
 */
public final class RequestId extends OncePerRequestFilter {

    /** The MDC key; structured logs (ECS, Logstash) carry it as a field of that name. */
    public static final String MDC_KEY = "requestId";
    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";
    /** The request attribute holding the id, also during the error page's dispatch. */
    public static final String ATTRIBUTE = RequestId.class.getName();
    /** Set to {@code true} by Tomcat's RemoteIpValve on a request that came through a trusted proxy. */
    static final String FORWARDED_BY_TRUSTED_PROXY = "org.apache.tomcat.request.forwarded";

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The id of the request being handled, or null outside a request. */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // The error page is rendered in a dispatch of its own after the request's filters have returned: it takes
        // the request's id again from the attribute.
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = of(request);
        if (id == null) {
            id = incoming(request);
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    private static String incoming(HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(FORWARDED_BY_TRUSTED_PROXY))) {
            String given = request.getHeader(HEADER);
            if (wellFormed(given)) {
                return given;
            }
        }
        return generate();
    }

    /**
     * Sets the {@value #HEADER} of an answer given before this filter runs: a trusted proxy's well-formed id, else a
     * new one (a random long as 16 hexadecimal digits: no lock, no format string).
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HEADER, incoming(request));
    }

    /**
     * The id {@link #answer} would set, as the header value's bytes (ASCII): for a fast path that hands Tomcat its
     * headers as bytes. A new id is written as 16 hexadecimal digits straight into the bytes.
     */
    public static byte[] encodedForAnswer(HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(FORWARDED_BY_TRUSTED_PROXY))) {
            String given = request.getHeader(HEADER);
            if (wellFormed(given)) {
                return given.getBytes(StandardCharsets.US_ASCII);
            }
        }
        long random = ThreadLocalRandom.current().nextLong();
        byte[] id = new byte[16];
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX_DIGITS[(int) (random & 0xF)];
            random >>>= 4;
        }
        return id;
    }

    static String generate() {
        return HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    static boolean wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
