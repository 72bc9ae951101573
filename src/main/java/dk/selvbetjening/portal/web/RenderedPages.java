package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Citizen pages rendered once and served as bytes until something they show changes. A page is cached under a key
 * naming everything it shows: its template, its variant (slug, municipality, notices) and the versions of the parts of
 * the citizen snapshot it shows ({@link PageVersion}, ADR 0032), plain and gzip-compressed ({@link RenderedPage}), and
 * answered with caching headers and entity tags ({@link CitizenPageCaching}); pages that echo user input are rendered
 * per request and never stored by anyone. A change to one self-service renders again only the pages that show it;
 * the entries it left behind are never asked for again and age out. The pages hold nothing personal: no session, no
 * CSRF token.
 */
@Component
class RenderedPages {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final Locale DANISH = Locale.forLanguageTag("da");
    /**
     * The most the cached pages may weigh, in bytes (plain and gzip, plus {@value #OVERHEAD} each for key, tags and
     * objects): about 3,500 action pages of 6 KB plain and 2 KB compressed. Bounded by weight, not by count: at national
     * size (2,500 self-services, 98 municipalities) there are 245,000 possible action pages, and 20,000 of them would
     * take 180 MB of a 256 MB heap (bench/scale). The least used go first (Caffeine's W-TinyLFU).
     */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final int OVERHEAD = 400;

    private final ITemplateEngine engine;
    private final CitizenPageCaching caching;
    private final Cache<PageKey, RenderedPage> pages = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((PageKey key, RenderedPage page) -> page.plain().length + page.gzip().length + OVERHEAD).build();
    private volatile JakartaServletWebApplication application;

    RenderedPages(ITemplateEngine engine, CitizenPageCaching caching) {
        this.engine = engine;
        this.caching = caching;
    }

    /** Everything a cached page shows: its template, its variant and the versions of what it shows. */
    record PageKey(PageVersion version, String template, Object variant) {
    }

    /**
     * Answers with the page from the cache, rendering it with {@code model} on first use for these versions;
     * {@code sharing} says who may keep it.
     */
    void serve(PageVersion version, String template, Object variant, CitizenPageCaching.Sharing sharing,
            Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        RenderedPage page = pages.get(new PageKey(version, template, variant),
                key -> RenderedPage.of(render(template, model, request, response)));
        CitizenPageCaching.writeBody(response, caching.writeHeaders(page, sharing, request, response));
    }

    /** The cached page, if it was rendered for these versions; never renders. */
    RenderedPage peek(PageVersion version, String template, Object variant) {
        return pages.getIfPresent(new PageKey(version, template, variant));
    }

    /**
     * A page rendered for this request only (it shows something the request brought); Spring Security's headers say
     * that no one may store it.
     */
    void uncached(String template, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        byte[] html = render(template, model, request, response);
        response.setContentType(HTML.toString());
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    private byte[] render(String template, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) {
        WebContext context = new WebContext(application(request).buildExchange(request, response), DANISH, model);
        return engine.process(template, context).getBytes(StandardCharsets.UTF_8);
    }

    private JakartaServletWebApplication application(HttpServletRequest request) {
        JakartaServletWebApplication current = application;
        if (current == null) {
            current = JakartaServletWebApplication.buildApplication(request.getServletContext());
            application = current;
        }
        return current;
    }
}
