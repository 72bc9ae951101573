package dk.selvbetjening.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Citizen pages rendered once and served as bytes until the citizen catalogue changes. A page is cached under
 * the snapshot's generation and a key naming everything it shows (slug, municipality, notices); pages that echo
 * user input are rendered per request. The pages hold nothing personal: no session, no CSRF token.
 */
@Component
class RenderedPages {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final int MAX_PAGES = 20_000;

    private final ITemplateEngine engine;
    private final Cache<PageKey, byte[]> pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).build();
    private volatile long generation = -1;
    private volatile JakartaServletWebApplication application;

    RenderedPages(ITemplateEngine engine) {
        this.engine = engine;
    }

    /** What a cached page depends on besides the snapshot generation. */
    record PageKey(long generation, String template, Object variant) {
    }

    /** The page from the cache, rendering it on first use for this generation. */
    ResponseEntity<byte[]> cached(long snapshotGeneration, String template, Object variant, Map<String, Object> model,
            HttpServletRequest request, HttpServletResponse response) {
        if (snapshotGeneration != generation) {
            synchronized (this) {
                if (snapshotGeneration != generation) {
                    pages.invalidateAll();
                    generation = snapshotGeneration;
                }
            }
        }
        byte[] html = pages.get(new PageKey(snapshotGeneration, template, variant),
                key -> render(template, model, request, response));
        return ok(html);
    }

    /** The cached page, if it was rendered for this generation; never renders. */
    byte[] peek(long snapshotGeneration, String template, Object variant) {
        return snapshotGeneration == generation ? pages.getIfPresent(new PageKey(snapshotGeneration, template, variant))
                : null;
    }

    /** A page rendered for this request only (it shows something the request brought). */
    ResponseEntity<byte[]> uncached(String template, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) {
        return ok(render(template, model, request, response));
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

    private static ResponseEntity<byte[]> ok(byte[] html) {
        return ResponseEntity.ok().contentType(HTML).body(html);
    }
}
