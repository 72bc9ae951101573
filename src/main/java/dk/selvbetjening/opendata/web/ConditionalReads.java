package dk.selvbetjening.opendata.web;

import java.io.IOException;
import java.util.regex.Pattern;

import dk.selvbetjening.opendata.CatalogueVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ETag, Last-Modified and 304 for the read APIs served from the citizen catalogue, without building the body: the
 * tag is the catalogue's version ({@link CatalogueVersion}) and a hash of what else the answer depends on (address,
 * query, Accept). The answer is a function of those, whatever its status, so a matching If-None-Match (or, without
 * one, an If-Modified-Since not older than the version) is answered 304 before the controller runs. Caches may store
 * the answers but must ask again ({@code Cache-Control: no-cache}). The change feed has its own version
 * ({@code ChangeFeedApiController}).
 */
class ConditionalReads extends OncePerRequestFilter {

    /** The addresses this filter answers for: every catalogue read API and the search engine files. */
    static final Pattern PATHS = Pattern.compile("/api/v1/(services(/[^/]+)?|services\\.csv|topics|municipalities"
            + "|catalogue\\.jsonld)|/sitemap\\.xml|/robots\\.txt");

    private final CatalogueVersion version;

    ConditionalReads(CatalogueVersion version) {
        this.version = version;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CatalogueVersion.Seen seen = version.current();
        String variant = request.getRequestURL() + "?" + request.getQueryString() + "|"
                + request.getHeader(HttpHeaders.ACCEPT);
        String etag = "\"" + version.tag(seen) + "-" + Integer.toHexString(variant.hashCode()) + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (new ServletWebRequest(request, response).checkNotModified(etag, seen.lastModified().toEpochMilli())) {
            return;
        }
        chain.doFilter(request, response);
    }
}
