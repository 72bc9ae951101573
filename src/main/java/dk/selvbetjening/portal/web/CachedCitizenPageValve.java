package dk.selvbetjening.portal.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The cached action page ({@link CachedCitizenPages}) answered inside Tomcat: a valve of its engine, ahead of the
 * trusted-proxy valve (whose https and trust it applies itself, {@link TrustedProxies}, on a request it answers) and of
 * Tomcat's host, context and servlet pipeline and the filter chain, which a page from memory needs none of (ADR 0024). A page not
 * in memory goes on to them, and so to the controller. Its headers go to Tomcat as bytes encoded once
 * ({@link CitizenPageCaching#writeEncodedHeaders}). Measured in bench/read-path.
 */
final class CachedCitizenPageValve extends ValveBase {

    private final CachedCitizenPages pages;
    private final TrustedProxies proxies;

    CachedCitizenPageValve(CachedCitizenPages pages, TrustedProxies proxies) {
        super(true);
        this.pages = pages;
        this.proxies = proxies;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() == null
                || !CachedCitizenPages.candidate(request.getMethod(), request.getContextPath(), request.getRequestURI())
                || !pages.answer(request, response, proxies)) {
            getNext().invoke(request, response);
        }
    }
}
