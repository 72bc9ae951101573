package dk.selvbetjening.portal.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The cached action page ({@link CachedCitizenPages}) answered inside Tomcat: a valve of its engine, after the
 * trusted-proxy valve (so {@code isSecure()} and the client's address are the real ones) and ahead of Tomcat's host,
 * context and servlet pipeline and the filter chain, which a page from memory needs none of (ADR 0024). A page not
 * in memory goes on to them, and so to the controller. Measured in bench/read-path.
 */
final class CachedCitizenPageValve extends ValveBase {

    private final CachedCitizenPages pages;

    CachedCitizenPageValve(CachedCitizenPages pages) {
        super(true);
        this.pages = pages;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() == null
                || !CachedCitizenPages.candidate(request.getMethod(), request.getContextPath(), request.getRequestURI())
                || !pages.answer(request, response)) {
            getNext().invoke(request, response);
        }
    }
}
