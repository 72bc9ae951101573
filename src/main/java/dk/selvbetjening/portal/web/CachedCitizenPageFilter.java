package dk.selvbetjening.portal.web;

import java.io.IOException;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.shared.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the citizens' most read page straight from memory, before the rest of the filters and Spring MVC, so it
 * costs only Tomcat and a map lookup: an action page already rendered for the current catalogue (the same bytes,
 * headers and cookie the normal way gives, tested). Anything else — a page not rendered yet, an unknown slug, a code
 * the page must complain about — goes the normal way. The start redirect is answered earlier still, inside Tomcat
 * ({@link StartRedirectValve}).
 */
class CachedCitizenPageFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/handlingsside/";

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final RenderedPages pages;

    CachedCitizenPageFilter(CitizenCatalogue catalogue, MunicipalityChoice choice, RenderedPages pages) {
        this.catalogue = catalogue;
        this.choice = choice;
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || !request.getContextPath().isEmpty() || !path.startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rest = request.getRequestURI().substring(PREFIX.length());
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        byte[] html = cached(snapshot, rest, request, response);
        if (html == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.writeCitizenHeaders(request, response);
        response.setContentType(RenderedPages.HTML.toString());
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    private byte[] cached(CitizenCatalogue.Snapshot snapshot, String slug, HttpServletRequest request,
            HttpServletResponse response) {
        if (snapshot.service(slug).isEmpty()) {
            return null;
        }
        MunicipalityChoice.Resolved resolved = choice.resolve(request, snapshot);
        if (resolved.rejectedCode() != null) {
            return null;
        }
        boolean ask = ActionPageWebController.MISSING_MUNICIPALITY.equals(request.getParameter("kommune"));
        byte[] html = pages.peek(snapshot.generation(), ActionPageWebController.TEMPLATE,
                new ActionPageVariant(slug, resolved.code(), ask));
        if (html != null) {
            choice.remember(resolved, request, response);
        }
        return html;
    }
}
