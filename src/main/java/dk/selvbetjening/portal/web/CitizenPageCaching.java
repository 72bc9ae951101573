package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.selvbetjening.portal.PortalProperties;
import dk.selvbetjening.shared.web.RequestId;
import dk.selvbetjening.shared.web.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * How a citizen page from memory is answered to browsers, caching proxies and CDNs (ADR 0024): who may keep it
 * ({@code Cache-Control}, {@code Vary}), its entity tag with {@code If-None-Match} answered by 304, and the gzip bytes
 * kept next to the plain ones, sent to a client that accepts them with {@code Content-Encoding: gzip} (which also
 * keeps Tomcat's compression off the response: it never compresses a response that already has an encoding).
 * The same for the page rendered by its controller and the page answered from memory ({@link CachedCitizenPages}).
 */
@Component
class CitizenPageCaching {

    /** A private page: only the browser may keep it, and it asks again each time (an ETag makes that cheap). */
    static final String PRIVATE = "private, no-cache";
    static final String VARY_PUBLIC = "Accept-Encoding";
    static final String VARY_PRIVATE = "Accept-Encoding, Cookie";

    /** Who may keep a page: it depends on what besides its URL decides what it shows. */
    enum Sharing {
        /** The URL alone decides the page (no cookie does): any cache may keep it for a short while. */
        PUBLIC,
        /** A cookie decides the page (the municipality): no shared cache may keep it, lest one citizen sees another's. */
        PRIVATE
    }

    /** A qvalue: 0 to 1 with up to three decimals (RFC 9110, 12.4.2). */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private static final byte[] ETAG = EncodedHeaders.ascii(HttpHeaders.ETAG);
    private static final byte[] REQUEST_ID = EncodedHeaders.ascii(RequestId.HEADER);

    private final String publicCacheControl;
    /** {@link #encoded}: the headers written before the entity tag, by sharing. */
    private final EncodedHeaders[] beforeTag = new EncodedHeaders[Sharing.values().length];
    /** {@link #encoded}: the headers written after the tag and before the request id, by {@link #index}. */
    private final EncodedHeaders[] afterTag = new EncodedHeaders[2 * 2 * 2 * 2];
    /** {@link #encoded}: the 200's last header (Tomcat writes its {@code Content-Length} and {@code Date} after it). */
    private final EncodedHeaders contentType = EncodedHeaders.of(HttpHeaders.CONTENT_TYPE, RenderedPages.HTML.toString());

    CitizenPageCaching(PortalProperties properties) {
        this.publicCacheControl = "public, max-age=" + properties.pageMaxAge().toSeconds()
                + ", stale-while-revalidate=" + properties.pageStaleWhileRevalidate().toSeconds();
        for (Sharing sharing : Sharing.values()) {
            beforeTag[sharing.ordinal()] = EncodedHeaders.of(HttpHeaders.CACHE_CONTROL, cacheControl(sharing));
            for (boolean compressed : new boolean[] {false, true}) {
                for (boolean secure : new boolean[] {false, true}) {
                    for (boolean notModified : new boolean[] {false, true}) {
                        List<Map.Entry<String, String>> headers = new ArrayList<>();
                        headers.add(Map.entry(HttpHeaders.VARY, vary(sharing)));
                        if (compressed && !notModified) {
                            headers.add(Map.entry(HttpHeaders.CONTENT_ENCODING, "gzip"));
                        }
                        headers.addAll(SecurityHeaders.citizenHeadersWithOwnCaching(secure));
                        afterTag[index(sharing, compressed, secure, notModified)] = EncodedHeaders.of(headers);
                    }
                }
            }
        }
    }

    private static int index(Sharing sharing, boolean compressed, boolean secure, boolean notModified) {
        return sharing.ordinal() * 8 + (compressed ? 4 : 0) + (secure ? 2 : 0) + (notModified ? 1 : 0);
    }

    /** The {@code Cache-Control} of a page shared so. */
    String cacheControl(Sharing sharing) {
        return sharing == Sharing.PUBLIC ? publicCacheControl : PRIVATE;
    }

    /**
     * Writes the status and the headers of the answer with {@code page}: 200, or 304 when the request's
     * {@code If-None-Match} names the tag of the bytes it would get. Returns the body to write after them (with
     * {@link #writeBody}), or null for a 304. Writes no body, so the caller may add headers of its own in between.
     */
    byte[] writeHeaders(RenderedPage page, Sharing sharing, HttpServletRequest request, HttpServletResponse response) {
        boolean compressed = acceptsGzip(request);
        String tag = page.tag(compressed);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl(sharing));
        response.setHeader(HttpHeaders.ETAG, tag);
        response.setHeader(HttpHeaders.VARY, vary(sharing));
        if (notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return null;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(RenderedPages.HTML.toString());
        if (compressed) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        byte[] body = page.body(compressed);
        response.setContentLength(body.length);
        return body;
    }

    private static String vary(Sharing sharing) {
        return sharing == Sharing.PUBLIC ? VARY_PUBLIC : VARY_PRIVATE;
    }

    /**
     * Writes what {@link #writeHeaders}, {@link SecurityHeaders#writeCitizenHeaders} and {@link RequestId#answer}
     * write, one after the other, for an answer in Tomcat's engine: the same status and headers, handed to Tomcat as
     * bytes encoded once (per page for the tag, once for the rest), with the {@code Date} Tomcat would add. Headers
     * added before (the visit cookie) stay first. Returns the body to write, or null for a 304.
     */
    byte[] writeEncodedHeaders(RenderedPage page, Sharing sharing, Request request, Response response) {
        boolean compressed = acceptsGzip(request);
        boolean notModified = notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.tag(compressed));
        MimeHeaders mime = response.getCoyoteResponse().getMimeHeaders();
        beforeTag[sharing.ordinal()].addTo(mime);
        byte[] tag = page.encodedTag(compressed);
        EncodedHeaders.add(mime, ETAG, tag);
        afterTag[index(sharing, compressed, request.isSecure(), notModified)].addTo(mime);
        byte[] id = RequestId.encodedForAnswer(request);
        EncodedHeaders.add(mime, REQUEST_ID, id);
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            EncodedHeaders.addDate(mime);
            return null;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        contentType.addTo(mime);
        EncodedHeaders.addDate(mime);
        byte[] body = page.body(compressed);
        response.setContentLength(body.length);
        return body;
    }

    /** Writes the body {@link #writeHeaders} returned, if any. */
    static void writeBody(HttpServletResponse response, byte[] body) throws IOException {
        if (body != null) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * Whether the client takes gzip (RFC 9110, 12.5.3): {@code gzip} or {@code x-gzip} with a quality above 0 in an
     * {@code Accept-Encoding} header, else {@code *} with a quality above 0 when gzip is not named; {@code gzip;q=0}
     * refuses it. An element whose quality is not a valid qvalue counts as absent.
     */
    static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        double gzip = -1;
        double any = -1;
        while (headers != null && headers.hasMoreElements()) {
            String header = headers.nextElement();
            if (header.indexOf(';') < 0) {
                // no qualities (as browsers send it): each named coding counts with quality 1, read in place
                int[] found = namedCodings(header);
                gzip = Math.max(gzip, found[0]);
                any = Math.max(any, found[1]);
                continue;
            }
            for (String element : header.split(",")) {
                int semicolon = element.indexOf(';');
                String name = (semicolon < 0 ? element : element.substring(0, semicolon)).strip();
                double quality = semicolon < 0 ? 1 : quality(element.substring(semicolon + 1));
                if (Double.isNaN(quality)) {
                    continue;
                }
                if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                    gzip = Math.max(gzip, quality);
                } else if (name.equals("*")) {
                    any = Math.max(any, quality);
                }
            }
        }
        return gzip >= 0 ? gzip > 0 : any > 0;
    }

    /**
     * Whether a header without parameters names gzip (or x-gzip), and whether it names {@code *}: {1 or -1, 1 or -1},
     * as {@link #acceptsGzip}'s qualities. The elements are read in place, without splitting the header.
     */
    private static int[] namedCodings(String header) {
        int gzip = -1;
        int any = -1;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(header.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(header.charAt(to - 1))) {
                to--;
            }
            int length = to - from;
            if ((length == 4 && header.regionMatches(true, from, "gzip", 0, 4))
                    || (length == 6 && header.regionMatches(true, from, "x-gzip", 0, 6))) {
                gzip = 1;
            } else if (length == 1 && header.charAt(from) == '*') {
                any = 1;
            }
            start = end + 1;
        }
        return new int[] {gzip, any};
    }

    /** The {@code q} of an element's parameters (1 without one), or NaN when it is not a qvalue. */
    private static double quality(String parameters) {
        for (String parameter : parameters.split(";")) {
            String stripped = parameter.strip();
            if (stripped.length() >= 2 && stripped.regionMatches(true, 0, "q=", 0, 2)) {
                String value = stripped.substring(2);
                return QVALUE.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
            }
        }
        return 1;
    }

    /** Whether {@code If-None-Match} names {@code tag} (weak comparison, as RFC 9110 says for it) or is {@code *}. */
    static boolean notModified(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        ETag ours = ETag.create(tag);
        for (ETag candidate : ETag.parse(ifNoneMatch)) {
            if (candidate.isWildcard() || candidate.compare(ours, false)) {
                return true;
            }
        }
        return false;
    }
}
