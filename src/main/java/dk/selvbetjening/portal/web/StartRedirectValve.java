package dk.selvbetjening.portal.web;

import java.io.IOException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.web.RequestId;
import dk.selvbetjening.shared.web.SecurityHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The citizens' start redirect of a published self-service, answered inside Tomcat: a valve of its engine, ahead of
 * the trusted-proxy valve (whose https and trust it applies itself, {@link TrustedProxies}, on a request it answers)
 * and of Tomcat's host, context and servlet pipeline, the filters and Spring MVC, which the redirect needs none of. The
 * answer is {@link StartTarget}'s, the same as {@link ActionPageWebController#start}'s (which answers where this valve
 * is not installed: in MockMvc tests, and for a slug the snapshot does not know), with the fixed headers
 * ({@link SecurityHeaders#redirectHeaders}), the request id and the cookie handed to Tomcat as bytes
 * ({@link EncodedHeaders}), not as strings it would encode on every response. Measured in bench/read-path.
 */
final class StartRedirectValve extends ValveBase {

    private static final String PREFIX = "/handlingsside/";
    private static final String START = "/start";
    private static final byte[] LOCATION = EncodedHeaders.ascii("Location");
    private static final byte[] REQUEST_ID = EncodedHeaders.ascii(RequestId.HEADER);
    /** {@code kommunekode=} in lower case: a name's letters match in either case. */
    private static final byte[] PARAMETER = EncodedHeaders.ascii(MunicipalityChoice.PARAMETER + "=");
    /** Locations kept encoded at most; the least used go first (codes the page rejects are echoed in some). */
    private static final int MAX_LOCATIONS = 4096;

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final StartTarget startTarget;
    private final TrustedProxies proxies;
    private final EncodedHeaders headers;
    private final EncodedHeaders secureHeaders;
    private final Cache<String, byte[]> locations = Caffeine.newBuilder().maximumSize(MAX_LOCATIONS).build();

    StartRedirectValve(CitizenCatalogue catalogue, MunicipalityChoice choice, StartTarget startTarget,
            TrustedProxies proxies) {
        super(true);
        this.proxies = proxies;
        this.catalogue = catalogue;
        this.choice = choice;
        this.startTarget = startTarget;
        this.headers = EncodedHeaders.of(SecurityHeaders.redirectHeaders(false));
        this.secureHeaders = EncodedHeaders.of(SecurityHeaders.redirectHeaders(true));
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (!"GET".equals(request.getMethod()) || !uri.startsWith(PREFIX) || !uri.endsWith(START)
                || uri.length() <= PREFIX.length() + START.length() || request.getContext() == null
                || !request.getContextPath().isEmpty()) {
            getNext().invoke(request, response);
            return;
        }
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        // a slug the snapshot knows is a valid one: no pattern to match first
        PortalService page = snapshot.service(uri.substring(PREFIX.length(), uri.length() - START.length()))
                .orElse(null);
        if (page == null) {
            getNext().invoke(request, response);
            return;
        }
        proxies.apply(request);
        String location = startTarget.take(page, resolve(request, snapshot), request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        MimeHeaders mime = response.getCoyoteResponse().getMimeHeaders();
        EncodedHeaders.add(mime, REQUEST_ID, RequestId.encodedForAnswer(request));
        (request.isSecure() ? secureHeaders : headers).addTo(mime);
        byte[] target = encoded(location);
        if (target != null) {
            EncodedHeaders.add(mime, LOCATION, target);
        } else {
            response.setHeader("Location", location);
        }
        EncodedHeaders.addDate(mime);
    }

    /**
     * {@link MunicipalityChoice#resolve}'s answer, read from Tomcat's undecoded query string where it is one of the
     * two forms a start link has (none, or exactly {@code kommunekode=} a known municipality's 3 or 4 digits, the name
     * in any case), so that Tomcat need not parse and decode the parameters; any other query string (more parameters,
     * a repeated or percent-encoded one, an unknown code) is read the normal way, by {@code MunicipalityChoice}.
     */
    private MunicipalityChoice.Resolved resolve(Request request, CitizenCatalogue.Snapshot snapshot) {
        MessageBytes query = request.getCoyoteRequest().queryString();
        if (query.isNull()) {
            return choice.withoutCode(request, snapshot);
        }
        if (query.getType() == MessageBytes.T_BYTES) {
            int code = linkCode(query.getByteChunk());
            if (code > 0) {
                MunicipalitySummary municipality = snapshot.municipality(code).orElse(null);
                if (municipality != null) {
                    return choice.inLink(municipality, request, snapshot);
                }
            }
        }
        return choice.resolve(request, snapshot);
    }

    /** The code of a query string that is exactly {@code kommunekode=} 3-4 digits naming 100-999, else -1. */
    static int linkCode(ByteChunk query) {
        byte[] bytes = query.getBuffer();
        int start = query.getStart();
        int end = query.getEnd();
        int digits = end - start - PARAMETER.length;
        if (bytes == null || digits < 3 || digits > 4) {
            return -1;
        }
        for (int i = 0; i < PARAMETER.length; i++) {
            byte b = bytes[start + i];
            byte p = PARAMETER[i];
            if (b != p && (p < 'a' || p > 'z' || (b | 0x20) != p)) {
                return -1;
            }
        }
        int code = 0;
        for (int i = start + PARAMETER.length; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            code = code * 10 + digit;
        }
        return code >= 100 && code <= 999 ? code : -1;
    }

    /** The Location's bytes, encoded once per location (a bounded cache: the locations are the catalogue's). */
    private byte[] encoded(String location) {
        return locations.get(location, EncodedHeaders::ascii);
    }
}
