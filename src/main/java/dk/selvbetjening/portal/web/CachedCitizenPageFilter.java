package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.util.Optional;

import dk.selvbetjening.catalogue.Slug;
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
 * they pay only for Tomcat and a map lookup: an action page already rendered for the current catalogue, and a
 * start redirect that has somewhere to go. Anything else — a page not rendered yet, an unknown slug, a code the
 * page must complain about, a start without a target — goes the normal way. The answers are the same bytes,
 * headers, cookie and counting the normal way gives (tested).
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
        if (rest.endsWith(START) && Slug.isValid(rest.substring(0, rest.length() - START.length()))) {
            if (!redirected(rest.substring(0, rest.length() - START.length()), request, response)) {
                chain.doFilter(request, response);
            }
            return;
        }
        String slug = rest;
        byte[] html = Slug.isValid(slug) ? cached(slug, request, response) : null;
        if (html == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.writeCitizenHeaders(request, response);
        response.setContentType(RenderedPages.HTML.toString());
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    /** A start with a target: counted, remembered, 303. False when the normal way must answer. */
    private boolean redirected(String slug, HttpServletRequest request, HttpServletResponse response) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PortalService page = snapshot.service(slug).orElse(null);
        if (page == null) {
            return false;
        }
        Optional<String> target = startTarget.take(page, choice.resolve(request, snapshot), request, response);
        if (target.isEmpty()) {
            return false;
        }
        SecurityHeaders.writeCitizenHeaders(request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target.get());
        return true;
    }

    private byte[] cached(String slug, HttpServletRequest request, HttpServletResponse response) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
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
