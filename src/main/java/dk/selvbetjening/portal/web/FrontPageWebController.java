package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.util.Map;

import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalProperties;
import dk.selvbetjening.portal.TopicNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The front page (topics, most used self-services) and a topic's page. Neither reads a cookie: any cache may keep
 * them for a short while (ADR 0024).
 */
@Controller
class FrontPageWebController {

    private final CitizenCatalogue catalogue;
    private final RenderedPages pages;
    private final PortalProperties properties;

    FrontPageWebController(CitizenCatalogue catalogue, RenderedPages pages, PortalProperties properties) {
        this.properties = properties;
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @GetMapping("/")
    void frontPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        pages.serve(PageVersion.frontPage(snapshot), "portal/front-page", "/", CitizenPageCaching.Sharing.PUBLIC,
                Map.of("topics", snapshot.topics(), "mostUsed", snapshot.mostUsed(),
                        "seo", new PageMeta(properties.absolute("/"), null, null, null)), request, response);
    }

    @GetMapping("/emner/{slug}")
    void topic(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        TopicSummary topic = snapshot.topic(slug).orElseThrow(() -> new TopicNotFoundException(slug));
        pages.serve(PageVersion.topic(snapshot, slug), "portal/topic", slug, CitizenPageCaching.Sharing.PUBLIC,
                Map.of("topic", topic, "services", snapshot.servicesIn(slug), "seo", new PageMeta(
                        properties.absolute(UriComponentsBuilder.fromPath("/emner/{slug}").encode()
                                .buildAndExpand(slug).toUriString()), topic.title(), null, null)),
                request, response);
    }
}
