package dk.selvbetjening.portal.web;

import java.io.IOException;

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

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final StartTarget startTarget;
    private final TrustedProxies proxies;
    private final EncodedHeaders headers;
    private final EncodedHeaders secureHeaders;

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
        String location = startTarget.take(page, choice.resolve(request, snapshot), request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        MimeHeaders mime = response.getCoyoteResponse().getMimeHeaders();
        EncodedHeaders.add(mime, REQUEST_ID, RequestId.encodedForAnswer(request));
        (request.isSecure() ? secureHeaders : headers).addTo(mime);
        byte[] target = EncodedHeaders.ascii(location);
        if (target != null) {
            EncodedHeaders.add(mime, LOCATION, target);
        } else {
            response.setHeader("Location", location);
        }
        EncodedHeaders.addDate(mime);
    }
}
