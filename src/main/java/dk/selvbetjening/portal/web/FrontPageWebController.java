package dk.selvbetjening.portal.web;

import java.util.Map;

import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalProperties;
import dk.selvbetjening.portal.TopicNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/** The front page (topics, most used self-services) and a topic's page. */
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
    ResponseEntity<byte[]> frontPage(HttpServletRequest request, HttpServletResponse response) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        return pages.cached(snapshot.generation(), "portal/front-page", "/",
                Map.of("topics", snapshot.topics(), "mostUsed", snapshot.mostUsed(),
                        "seo", new PageMeta(properties.absolute("/"), null, null, null)), request, response);
    }

    @GetMapping("/emner/{slug}")
    ResponseEntity<byte[]> topic(@PathVariable String slug, HttpServletRequest request,
            HttpServletResponse response) {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        TopicSummary topic = snapshot.topic(slug).orElseThrow(() -> new TopicNotFoundException(slug));
        return pages.cached(snapshot.generation(), "portal/topic", slug,
                Map.of("topic", topic, "services", snapshot.servicesIn(slug), "seo", new PageMeta(
                        properties.absolute(UriComponentsBuilder.fromPath("/emner/{slug}").encode()
                                .buildAndExpand(slug).toUriString()), topic.title(), null, null)),
                request, response);
    }
}
