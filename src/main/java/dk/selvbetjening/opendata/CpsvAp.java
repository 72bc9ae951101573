package dk.selvbetjening.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalProperties;
import dk.selvbetjening.portal.PortalService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Published self-services as CPSV-AP 3.2 (the EU's Core Public Service Vocabulary Application Profile) in JSON-LD,
 * with the context inline (a harvester needs nothing else). Each service is a {@code cpsv:PublicService} with its
 * identifier, title, description, keywords and language; its competent authorities as {@code cv:PublicOrganisation}
 * (the owner and, for a municipal solution, every municipality with a link) with their {@code dct:spatial} location;
 * one {@code cv:Channel} for the online solution, or one per municipality with a link for a municipal solution; an
 * {@code cv:Evidence} for each point of "Før du går i gang" that names a document; a {@code cv:Cost} for the fees;
 * the topics as {@code cv:thematicArea} concepts and, where a topic maps to one, a {@code cv:LifeEvent}.
 * <p>
 * Minted IRIs live under the portal's base URL; topics are their own pages. Locations are DAWA's (Danmarks
 * Adressers Web API) municipality and region resources and the EU country authority table; the language is the EU
 * language authority table's Danish. Nothing private: no supplier, e-mail addresses of suppliers, drafts or
 * assessments — only what the published action page shows.
 */
@Component
public class CpsvAp {

    public static final String MEDIA_TYPE = "application/ld+json";

    static final String DANISH_LANGUAGE = "http://publications.europa.eu/resource/authority/language/DAN";
    static final String DENMARK = "http://publications.europa.eu/resource/authority/country/DNK";
    static final String DAWA_MUNICIPALITY = "https://api.dataforsyningen.dk/kommuner/";
    static final String DAWA_REGION = "https://api.dataforsyningen.dk/regioner/";

    /** Words that make a point of "Før du går i gang" a document the citizen must have (an evidence). */
    private static final Pattern DOCUMENT = Pattern.compile("(?iu)\\b(dokument\\w*|attest\\w*|kontrakt\\w*|"
            + "lejekontrakt\\w*|pas|passet|kopi\\w*|henvisning\\w*|kvittering\\w*|foto\\w*|billede\\w*|tegning\\w*|"
            + "papirer|bilag\\w*|erklæring\\w*|lønseddel\\w*|lønsedler|årsopgørelse\\w*|certifikat\\w*|bevis\\w*|"
            + "udskrift\\w*|cv)\\b");
    /** Words that make a point of "Før du går i gang" a fee (when the page has no fees of its own). */
    private static final Pattern FEE = Pattern.compile("(?iu)\\b(gebyr\\w*|betaler|betale|pris\\w*|koster)\\b");

    /** Topics that stand for a life event (livssituation), by topic slug: the event's id and Danish title. */
    private static final Map<String, LifeEvent> LIFE_EVENTS = Map.of(
            "bolig-og-flytning", new LifeEvent("flytning", "Flytte"),
            "familie-og-boern", new LifeEvent("faa-boern", "Få børn"),
            "pension-og-efterloen", new LifeEvent("gaa-paa-pension", "Gå på pension"),
            "arbejde-dagpenge-ferie", new LifeEvent("arbejde-og-ledighed", "Få arbejde eller miste sit arbejde"),
            "skole-og-uddannelse", new LifeEvent("uddannelse", "Starte på en uddannelse"),
            "udlaendinge-i-danmark", new LifeEvent("flytte-til-danmark", "Flytte til Danmark"),
            "danskere-i-udlandet", new LifeEvent("flytte-til-udlandet", "Flytte til udlandet"));

    private record LifeEvent(String id, String title) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PortalProperties portal;

    CpsvAp(PortalProperties portal) {
        this.portal = portal;
    }

    /** One service as a JSON-LD document (the service and the nodes it names). */
    public ObjectNode service(CitizenCatalogue.Snapshot snapshot, PortalService service) {
        return document(snapshot, List.of(service));
    }

    /** Every published service in one JSON-LD document. */
    public ObjectNode catalogue(CitizenCatalogue.Snapshot snapshot) {
        return document(snapshot, snapshot.services());
    }

    private ObjectNode document(CitizenCatalogue.Snapshot snapshot, List<PortalService> services) {
        Map<String, ObjectNode> graph = new LinkedHashMap<>();
        for (PortalService service : services) {
            publicService(snapshot, service, graph);
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("cpsv", "http://purl.org/vocab/cpsv#");
        context.put("cv", "http://data.europa.eu/m8g/");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("locn", "http://www.w3.org/ns/locn#");
        context.put("org", "http://www.w3.org/ns/org#");
        context.put("skos", "http://www.w3.org/2004/02/skos/core#");
        ArrayNode nodes = root.putArray("@graph");
        graph.values().forEach(nodes::add);
        return root;
    }

    private void publicService(CitizenCatalogue.Snapshot snapshot, PortalService page, Map<String, ObjectNode> graph) {
        var service = page.service();
        ActionPageContent content = page.actionPage();
        String iri = id("selvbetjening/" + service.id());
        ObjectNode node = node(graph, iri, "cpsv:PublicService");
        node.put("dct:identifier", service.id().toString());
        node.set("dct:title", text(content.title()));
        node.set("dct:description", text(content.intro()));
        ArrayNode keywords = node.putArray("dcat:keyword");
        service.keywords().forEach(keyword -> keywords.add(text(keyword)));
        node.set("dct:language", reference(language(graph)));
        node.set("foaf:page", reference(portal.absolute("/handlingsside/" + service.slug())));

        List<String> authorities = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        if (page.authority() != null) {
            authorities.add(organisation(graph, page.authority(), snapshot));
        }
        if (page.isMunicipal()) {
            for (MunicipalLinkSummary link : page.links().values().stream()
                    .filter(l -> !l.isMissing())
                    .sorted(java.util.Comparator.comparingInt(MunicipalLinkSummary::municipalityCode)).toList()) {
                Optional<AuthorityDetails> municipality = snapshot.municipalityAuthority(link.municipalityCode())
                        .or(() -> snapshot.municipality(link.municipalityCode()).map(AuthorityDetails::unregistered));
                if (municipality.isEmpty()) {
                    continue;
                }
                String organisation = organisation(graph, municipality.get(), snapshot);
                if (!authorities.contains(organisation)) {
                    authorities.add(organisation);
                }
                channels.add(channel(graph, iri + "/kanal/" + code(link.municipalityCode()),
                        service.slug() + "-" + code(link.municipalityCode()), link.url(),
                        "Selvbetjening hos " + municipality.get().name(), organisation));
            }
        } else {
            channels.add(channel(graph, iri + "/kanal/online", service.slug() + "-online", service.url(),
                    "Selvbetjening på nettet",
                    page.authority() == null ? null : organisationIri(page.authority())));
        }
        node.set("cv:hasCompetentAuthority", references(authorities));
        if (!channels.isEmpty()) {
            node.set("cv:hasChannel", references(channels));
        }

        List<String> evidence = new ArrayList<>();
        List<String> fees = new ArrayList<>();
        int number = 0;
        for (String item : content.beforeYouStart()) {
            number++;
            if (DOCUMENT.matcher(item).find()) {
                String evidenceIri = iri + "/dokument/" + number;
                ObjectNode document = node(graph, evidenceIri, "cv:Evidence");
                document.put("dct:identifier", service.slug() + "-dokument-" + number);
                document.set("dct:title", text(item));
                evidence.add(evidenceIri);
            } else if (FEE.matcher(item).find()) {
                fees.add(item);
            }
        }
        if (!evidence.isEmpty()) {
            node.set("cpsv:hasInput", references(evidence));
        }
        String feeText = content.fees() != null && !content.fees().isBlank() ? content.fees()
                : fees.isEmpty() ? null : String.join(" ", fees);
        if (feeText != null) {
            ObjectNode cost = node(graph, iri + "/gebyr", "cv:Cost");
            cost.put("dct:identifier", service.slug() + "-gebyr");
            cost.set("dct:description", text(feeText));
            node.set("cv:hasCost", reference(iri + "/gebyr"));
        }

        List<String> areas = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (String topicSlug : service.topics()) {
            Optional<TopicSummary> topic = snapshot.topic(topicSlug);
            if (topic.isEmpty()) {
                continue;
            }
            String topicIri = portal.absolute("/emner/" + topicSlug);
            if (!graph.containsKey(topicIri)) {
                ObjectNode concept = node(graph, topicIri, "skos:Concept");
                concept.set("skos:prefLabel", text(topic.get().title()));
                concept.set("skos:inScheme", reference(portal.absolute("/emner")));
            }
            areas.add(topicIri);
            LifeEvent lifeEvent = LIFE_EVENTS.get(topicSlug);
            if (lifeEvent != null) {
                String eventIri = id("livssituation/" + lifeEvent.id());
                if (!graph.containsKey(eventIri)) {
                    ObjectNode event = node(graph, eventIri, "cv:LifeEvent", "cv:Event");
                    event.put("dct:identifier", lifeEvent.id());
                    event.set("dct:title", text(lifeEvent.title()));
                }
                if (!events.contains(eventIri)) {
                    events.add(eventIri);
                }
            }
        }
        if (!areas.isEmpty()) {
            node.set("cv:thematicArea", references(areas));
        }
        if (!events.isEmpty()) {
            node.set("cv:isGroupedBy", references(events));
        }
    }

    private String channel(Map<String, ObjectNode> graph, String iri, String identifier, String url, String description,
            String owner) {
        ObjectNode channel = node(graph, iri, "cv:Channel");
        channel.put("dct:identifier", identifier);
        channel.set("dct:description", text(description));
        if (url != null) {
            channel.set("foaf:page", reference(url));
        }
        if (owner != null) {
            channel.set("cv:ownedBy", reference(owner));
        }
        return iri;
    }

    private String organisation(Map<String, ObjectNode> graph, AuthorityDetails authority,
            CitizenCatalogue.Snapshot snapshot) {
        String iri = organisationIri(authority);
        if (graph.containsKey(iri)) {
            return iri;
        }
        ObjectNode node = node(graph, iri, "cv:PublicOrganisation", "org:Organization");
        node.set("skos:prefLabel", text(authority.name()));
        if (authority.cvrNumber() != null) {
            node.put("dct:identifier", authority.cvrNumber());
        }
        if (authority.homepageUrl() != null) {
            node.set("foaf:homepage", reference(authority.homepageUrl()));
        }
        String location;
        String locationName;
        if (authority.type() == AuthorityType.MUNICIPALITY && authority.municipalityCode() != null) {
            location = DAWA_MUNICIPALITY + code(authority.municipalityCode());
            locationName = snapshot.municipality(authority.municipalityCode()).map(MunicipalitySummary::name)
                    .orElse(authority.name());
        } else if (authority.type() == AuthorityType.REGION && authority.regionCode() != null) {
            location = DAWA_REGION + code(authority.regionCode());
            locationName = authority.name();
        } else {
            location = DENMARK;
            locationName = "Danmark";
        }
        if (!graph.containsKey(location)) {
            ObjectNode place = node(graph, location, "dct:Location");
            place.set("locn:geographicName", text(locationName));
        }
        node.set("dct:spatial", reference(location));
        return iri;
    }

    private String organisationIri(AuthorityDetails authority) {
        return authority.id() != null ? id("myndighed/" + authority.id())
                : id("kommune/" + code(authority.municipalityCode()));
    }

    private static String language(Map<String, ObjectNode> graph) {
        if (!graph.containsKey(DANISH_LANGUAGE)) {
            node(graph, DANISH_LANGUAGE, "dct:LinguisticSystem");
        }
        return DANISH_LANGUAGE;
    }

    private String id(String path) {
        return portal.absolute("/id/" + path);
    }

    private static String code(int code) {
        return String.format(Locale.ROOT, "%04d", code);
    }

    private static ObjectNode node(Map<String, ObjectNode> graph, String iri, String... types) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@id", iri);
        if (types.length == 1) {
            node.put("@type", types[0]);
        } else {
            ArrayNode array = node.putArray("@type");
            for (String type : types) {
                array.add(type);
            }
        }
        graph.put(iri, node);
        return node;
    }

    private static ObjectNode text(String value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@value", value);
        node.put("@language", "da");
        return node;
    }

    private static ObjectNode reference(String iri) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@id", iri);
        return node;
    }

    private static ArrayNode references(List<String> iris) {
        ArrayNode array = JSON.createArrayNode();
        iris.forEach(iri -> array.add(reference(iri)));
        return array;
    }
}
