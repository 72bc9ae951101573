package dk.selvbetjening.portal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The cached action page ({@link CachedCitizenPages}) first in the filter chain, before the rest of the filters and
 * Spring MVC: where {@link CachedCitizenPageValve} is not installed (MockMvc), and for nothing else, as on Tomcat the
 * valve has answered every page this filter could.
 */
class CachedCitizenPageFilter extends OncePerRequestFilter {

    private final CachedCitizenPages pages;

    CachedCitizenPageFilter(CachedCitizenPages pages) {
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CachedCitizenPages.candidate(request.getMethod(), request.getContextPath(), request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!pages.answer(request, response)) {
            chain.doFilter(request, response);
        }
    }
}
