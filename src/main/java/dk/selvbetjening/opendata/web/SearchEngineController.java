package dk.selvbetjening.opendata.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalProperties;
import dk.selvbetjening.portal.PortalService;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What search engines read: {@code /sitemap.xml} (the front page, every topic and every published action page, from
 * the citizen catalogue's snapshot, {@code lastmod} when the page or its service was last published or changed) and
 * {@code /robots.txt} (the backoffice with its previews, the API, start redirects and suppliers' status links kept out;
 * the sitemap named by its absolute address).
 */
@Controller
class SearchEngineController {

    static final String SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final CitizenCatalogue catalogue;
    private final PortalProperties portal;

    SearchEngineController(CitizenCatalogue catalogue, PortalProperties portal) {
        this.catalogue = catalogue;
        this.portal = portal;
    }

    @GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String sitemap() throws XMLStreamException {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NAMESPACE);
        url(xml, "/", latest(snapshot.services()));
        for (TopicSummary topic : snapshot.topics()) {
            url(xml, path("/emner/{slug}", topic.slug()), latest(snapshot.servicesIn(topic.slug())));
        }
        for (PortalService service : snapshot.services().stream().filter(PortalService::hasPublishedActionPage)
                .toList()) {
            url(xml, path("/handlingsside/{slug}", service.slug()), Optional.of(service.updatedAt()));
        }
        url(xml, "/aabne-data", Optional.empty());
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return text.toString() + "\n";
    }

    @GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String robots() {
        return String.join("\n",
                "User-agent: *",
                "Disallow: /redaktion",
                "Disallow: /api/",
                "Disallow: /handlingsside/*/start",
                "Disallow: /tilslut/status/",
                "Disallow: /tilslut/kvittering/",
                "",
                "Sitemap: " + portal.absolute("/sitemap.xml"),
                "");
    }

    private void url(XMLStreamWriter xml, String path, Optional<Instant> lastModified) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(portal.absolute(path));
        xml.writeEndElement();
        if (lastModified.isPresent()) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(lastModified.get().truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static Optional<Instant> latest(List<PortalService> services) {
        return services.stream().map(PortalService::updatedAt).max(Comparator.naturalOrder());
    }

    private static String path(String template, String slug) {
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(slug).toUriString();
    }
}
