package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.time.Clock;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.web.RequestId;
import dk.selvbetjening.shared.web.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.springframework.stereotype.Component;

/**
 * Answers the citizens' most read page straight from memory: an action page already rendered for the current
 * catalogue (the same bytes, headers and cookie the normal way gives, tested), gzip-compressed already when the client
 * takes it, or a 304 when the client has it ({@link CitizenPageCaching}). Anything else — a page not rendered yet, an
 * unknown slug, a code the page must complain about — is left to the normal way. Asked by
 * {@link CachedCitizenPageValve} inside Tomcat, ahead of the servlet pipeline, and by {@link CachedCitizenPageFilter}
 * where that valve is not installed (MockMvc).
 */
@Component
class CachedCitizenPages {

    static final String PREFIX = "/handlingsside/";

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final RenderedPages pages;
    private final CitizenPageCaching caching;
    private final Clock clock;

    CachedCitizenPages(CitizenCatalogue catalogue, MunicipalityChoice choice, RenderedPages pages,
            CitizenPageCaching caching, Clock clock) {
        this.clock = clock;
        this.catalogue = CachedCitizenPageConfiguration.withoutProxy(catalogue);
        this.choice = choice;
        this.pages = pages;
        this.caching = caching;
    }

    /**
     * Whether the request may be an action page from memory: a GET of a path one step under {@link #PREFIX} (a slug
     * has no slash, so the start redirect and every other deeper path is passed on without looking anything up).
     */
    static boolean candidate(String method, String contextPath, String uri) {
        return "GET".equals(method) && contextPath.isEmpty() && uri.startsWith(PREFIX) && uri.length() > PREFIX.length()
                && uri.indexOf('/', PREFIX.length()) < 0;
    }

    /** Answers a {@link #candidate} from memory and returns true, or writes nothing and returns false. */
    boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Found found = find(request);
        if (found == null) {
            return false;
        }
        choice.remember(found.resolved(), request, response);
        byte[] body = caching.writeHeaders(found.rendered(), found.sharing(), request, response);
        SecurityHeaders.writeCitizenHeaders(request, response);
        RequestId.answer(request, response);
        CitizenPageCaching.writeBody(response, body);
        return true;
    }

    /**
     * The same as {@link #answer(HttpServletRequest, HttpServletResponse)}, in Tomcat's engine: the same status,
     * headers and body, the headers handed to Tomcat as bytes encoded once
     * ({@link CitizenPageCaching#writeEncodedHeaders}); ahead of the trusted proxies' valve, whose part the answer
     * depends on {@code proxies} applies first.
     */
    boolean answer(Request request, Response response, TrustedProxies proxies) throws IOException {
        Found found = find(request);
        if (found == null) {
            return false;
        }
        proxies.apply(request);
        choice.remember(found.resolved(), request, response);
        CitizenPageCaching.writeBody(response, caching.writeEncodedHeaders(found.rendered(), found.sharing(), request,
                response));
        return true;
    }

    /** A page in memory for the request, and how the request chose it. */
    private record Found(MunicipalityChoice.Resolved resolved, RenderedPage rendered,
            CitizenPageCaching.Sharing sharing) {
    }

    private Found find(HttpServletRequest request) {
        String slug = request.getRequestURI().substring(PREFIX.length());
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PortalService page = snapshot.service(slug).orElse(null);
        if (page == null) {
            return null;
        }
        MunicipalityChoice.Resolved resolved = choice.resolve(request, snapshot);
        boolean ask = ActionPageWebController.MISSING_MUNICIPALITY.equals(request.getParameter("kommune"));
        RenderedPage rendered = resolved.rejectedCode() != null ? null : pages.peek(PageVersion.actionPage(snapshot,
                page, ActionPageView.DowntimeNotice.of(page.actionPage().plannedDowntime(), clock)),
                ActionPageWebController.TEMPLATE, new ActionPageVariant(slug, resolved.code(), ask));
        return rendered == null ? null
                : new Found(resolved, rendered, ActionPageWebController.sharing(page, resolved));
    }
}
