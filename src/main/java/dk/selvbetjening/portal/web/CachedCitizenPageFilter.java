package dk.selvbetjening.portal.web;

import java.io.IOException;

import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the citizens' hottest requests straight from memory, before the rest of the filters and Spring MVC, so
 * they pay only for Tomcat and a map lookup: an action page already rendered for the current catalogue (the same
 * bytes, headers and cookie the normal way gives, tested), and every start redirect of a published self-service
 * ({@link StartTarget}). Anything else — a page not rendered yet, an unknown slug, a code the page must complain
 * about — goes the normal way.
 */
class CachedCitizenPageFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/handlingsside/";
    private static final String START = "/start";

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;
    private final RenderedPages pages;
    private final StartTarget startTarget;

    CachedCitizenPageFilter(CitizenCatalogue catalogue, MunicipalityChoice choice, RenderedPages pages,
            StartTarget startTarget) {
        this.catalogue = catalogue;
        this.choice = choice;
        this.pages = pages;
        this.startTarget = startTarget;
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
        // a slug the snapshot knows is a valid one: no pattern to match first
        if (rest.endsWith(START)) {
            PortalService page = snapshot.service(rest.substring(0, rest.length() - START.length())).orElse(null);
            if (page == null) {
                chain.doFilter(request, response);
                return;
            }
            StartTarget.seeOther(startTarget.take(page, choice.resolve(request, snapshot), request, response), request,
                    response);
            return;
        }
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
