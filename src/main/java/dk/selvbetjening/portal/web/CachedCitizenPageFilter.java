package dk.selvbetjening.portal.web;

import java.io.IOException;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.web.RequestId;
import dk.selvbetjening.shared.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the citizens' most read page straight from memory, before the rest of the filters and Spring MVC, so it
 * costs only Tomcat and a map lookup: an action page already rendered for the current catalogue (the same bytes,
 * headers and cookie the normal way gives, tested), gzip-compressed already when the client takes it, or a 304 when
 * the client has it ({@link CitizenPageCaching}). Anything else — a page not rendered yet, an unknown slug, a code
 * the page must complain about — goes the normal way. The start redirect is answered earlier still, inside Tomcat
 * ({@link StartRedirectValve}).
 */
class CachedCitizenPageFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/handlingsside/";

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final RenderedPages pages;
    private final CitizenPageCaching caching;

    CachedCitizenPageFilter(CitizenCatalogue catalogue, MunicipalityChoice choice, RenderedPages pages,
            CitizenPageCaching caching) {
        this.catalogue = catalogue;
        this.choice = choice;
        this.pages = pages;
        this.caching = caching;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || !request.getContextPath().isEmpty() || !path.startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String slug = request.getRequestURI().substring(PREFIX.length());
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PortalService page = snapshot.service(slug).orElse(null);
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        MunicipalityChoice.Resolved resolved = choice.resolve(request, snapshot);
        boolean ask = ActionPageWebController.MISSING_MUNICIPALITY.equals(request.getParameter("kommune"));
        RenderedPage rendered = resolved.rejectedCode() != null ? null : pages.peek(snapshot.generation(),
                ActionPageWebController.TEMPLATE, new ActionPageVariant(slug, resolved.code(), ask));
        if (rendered == null) {
            chain.doFilter(request, response);
            return;
        }
        choice.remember(resolved, request, response);
        byte[] body = caching.writeHeaders(rendered, ActionPageWebController.sharing(page, resolved), request, response);
        SecurityHeaders.writeCitizenHeaders(request, response);
        RequestId.answer(request, response);
        CitizenPageCaching.writeBody(response, body);
    }
}
