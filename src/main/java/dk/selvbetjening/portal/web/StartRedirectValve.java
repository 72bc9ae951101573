package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.web.RequestId;
import dk.selvbetjening.shared.web.SecurityHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The citizens' start redirect of a published self-service, answered inside Tomcat: a valve of its engine, after the
 * trusted-proxy valve (so {@code isSecure()} and the client's address are already the real ones) and ahead of
 * Tomcat's host, context and servlet pipeline, the filters and Spring MVC, which the redirect needs none of. The
 * answer is {@link StartTarget}'s, the same as {@link ActionPageWebController#start}'s (which answers where this valve
 * is not installed: in MockMvc tests, and for a slug the snapshot does not know), with the fixed headers
 * ({@link SecurityHeaders#redirectHeaders}) handed to Tomcat as bytes encoded once, not as strings it would encode on
 * every response. Measured in bench/read-path.
 */
final class StartRedirectValve extends ValveBase {

    private static final String PREFIX = "/handlingsside/";
    private static final String START = "/start";
    private static final byte[] LOCATION = ascii("Location");

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final StartTarget startTarget;
    private final byte[][] headers;
    private final byte[][] secureHeaders;

    StartRedirectValve(CitizenCatalogue catalogue, MunicipalityChoice choice, StartTarget startTarget) {
        super(true);
        this.catalogue = catalogue;
        this.choice = choice;
        this.startTarget = startTarget;
        this.headers = encoded(SecurityHeaders.redirectHeaders(false));
        this.secureHeaders = encoded(SecurityHeaders.redirectHeaders(true));
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
        String location = startTarget.take(page, choice.resolve(request, snapshot), request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        RequestId.answer(request, response);
        MimeHeaders mime = response.getCoyoteResponse().getMimeHeaders();
        byte[][] fixed = request.isSecure() ? secureHeaders : headers;
        for (int i = 0; i < fixed.length; i += 2) {
            mime.addValue(fixed[i], 0, fixed[i].length).setBytes(fixed[i + 1], 0, fixed[i + 1].length);
        }
        byte[] target = ascii(location);
        if (target != null) {
            mime.addValue(LOCATION, 0, LOCATION.length).setBytes(target, 0, target.length);
        } else {
            response.setHeader("Location", location);
        }
    }

    /** Names and values, alternately, as the bytes Tomcat writes. */
    private static byte[][] encoded(List<Map.Entry<String, String>> headers) {
        byte[][] encoded = new byte[headers.size() * 2][];
        for (int i = 0; i < headers.size(); i++) {
            encoded[2 * i] = ascii(headers.get(i).getKey());
            encoded[2 * i + 1] = ascii(headers.get(i).getValue());
        }
        return encoded;
    }

    /** The text's bytes when it is all ASCII (a header's bytes are then the same in every encoding), else null. */
    private static byte[] ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
