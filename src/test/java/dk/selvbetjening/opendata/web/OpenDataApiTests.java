package dk.selvbetjening.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.opendata.CpsvApShapes;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import dk.selvbetjening.shared.SystemPrincipal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data formats on a database of their own (so the catalogue holds exactly this class's services): whole
 * bodies of the CSV, the sitemap, robots.txt and the CPSV-AP JSON-LD, the JSON-LD against the official CPSV-AP shapes,
 * the citizen pages' canonical link, Open Graph and schema.org block, and 304 on every read API.
 */
@SpringBootTest
@SeparateDatabase("opendata")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataApiTests {

    private static final String HOSTILE_INTRO = "Meld flytning </script><script>alert(1)</script> & mere.";
    private static final String DRAFT_TEXT = "Hemmelig kladde, som ingen borger må se";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    SelfServiceService services;

    @Autowired
    CitizenCatalogue catalogue;

    SelfServiceDetails national;
    SelfServiceDetails municipal;
    AuthorityDetails nationalOwner;
    AuthorityDetails municipalOwner;

    @BeforeAll
    void publish() {
        nationalOwner = data.stateAuthority();
        national = data.publish(SelfServiceFixtures.aVoluntarySelfService(nationalOwner.id(),
                "https://flyt.example.dk/"), Map.of());
        SystemPrincipal.run(() -> {
            actionPages.write(national.id(), new ActionPageContent("Meld flytning", HOSTILE_INTRO,
                    List.of("MitID.", "Kopi af jeres pas og vielsesattest.", "Det tager 5 minutter."), null, null,
                    "Ring til os.", "Du får svar.", null, null, "Det koster 300 kr.", null, null));
            actionPages.saveDraft(national.id(), new ActionPageContent("Meld flytning", DRAFT_TEXT, List.of(), null,
                    null, null, null, null));
        });
        municipal = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/daginstitution", 147, ""));
        municipalOwner = data.authorityOf(municipal);
    }

    @Test
    void servicesCsvIsEveryPublishedServiceForDanishExcel() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/services.csv").exchange();
        assertThat(result).hasStatusOk().hasContentType("text/csv;charset=UTF-8")
                .hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"selvbetjeninger.csv\"");
        String expected = "\uFEFF"
                + "id;slug;titel;kort beskrivelse;type;omfang;myndighed;myndighedens CVR-nummer;log-ind;bølge;emner;"
                + "nøgleord;handlingsside;start-URL;kommuner med link;opdateret\r\n"
                + national.id() + ";" + national.slug() + ";" + national.title() + ";Meld flytning, når du flytter.;"
                + "ONLINE;NATIONAL;Styrelsen for Test;" + nationalOwner.cvrNumber() + ";MITID_NEMLOGIN;;"
                + "bolig-og-flytning;adresse,flytning;http://localhost:8080/handlingsside/" + national.slug()
                + ";https://flyt.example.dk/;;" + updated(national) + "\r\n"
                + municipal.id() + ";" + municipal.slug() + ";" + municipal.title()
                + ";Skriv dit barn op til vuggestue eller børnehave.;ONLINE;MUNICIPAL;Styrelsen for Test;"
                + municipalOwner.cvrNumber() + ";MITID_NEMLOGIN;;familie-og-boern;vuggestue;"
                + "http://localhost:8080/handlingsside/" + municipal.slug() + ";;1;" + updated(municipal) + "\r\n";
        assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    @Test
    void robotsKeepsCrawlersOutOfTheBackofficeTheApiAndStartsAndNamesTheSitemap() throws Exception {
        assertThat(mvc.get().uri("/robots.txt")).hasStatusOk().hasContentType("text/plain;charset=UTF-8")
                .hasBodyTextEqualTo("""
                        User-agent: *
                        Disallow: /redaktion
                        Disallow: /api/
                        Disallow: /handlingsside/*/start
                        Disallow: /tilslut/status/
                        Disallow: /tilslut/kvittering/

                        Sitemap: http://localhost:8080/sitemap.xml
                        """);
    }

    @Test
    void sitemapListsExactlyThePublishedPagesAndEveryTopic() throws Exception {
        SelfServiceDetails extra = data.publishedNational("https://ekstra.example.dk/");
        String extraEntry = "<url><loc>http://localhost:8080/handlingsside/" + extra.slug() + "</loc>";
        StringBuilder topics = new StringBuilder();
        catalogue.snapshot().topics().forEach(topic -> {
            topics.append("\n  <url><loc>http://localhost:8080/emner/").append(topic.slug()).append("</loc>");
            String lastmod = switch (topic.slug()) {
                case "bolig-og-flytning" -> latest(national, extra);
                case "familie-og-boern" -> updated(municipal);
                default -> null;
            };
            topics.append(lastmod == null ? "" : "<lastmod>" + lastmod + "</lastmod>").append("</url>");
        });
        String expected = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>http://localhost:8080/</loc><lastmod>%s</lastmod></url>%s
                  <url><loc>http://localhost:8080/handlingsside/%s</loc><lastmod>%s</lastmod></url>
                  <url><loc>http://localhost:8080/handlingsside/%s</loc><lastmod>%s</lastmod></url>
                  <url><loc>http://localhost:8080/handlingsside/%s</loc><lastmod>%s</lastmod></url>
                  <url><loc>http://localhost:8080/aabne-data</loc></url>
                </urlset>
                """.formatted(latest(national, municipal, extra), topics, national.slug(), updated(national),
                extra.slug(), updated(extra), municipal.slug(), updated(municipal));
        // by title: "Meld flytning 1" < "Meld flytning 3" < "Skriv dit barn op 2"
        assertThat(mvc.get().uri("/sitemap.xml")).hasStatusOk().hasContentType("application/xml;charset=UTF-8")
                .hasBodyTextEqualTo(expected);

        SystemPrincipal.run(() -> actionPages.unpublish(extra.id()));
        assertThat(mvc.get().uri("/sitemap.xml")).bodyText().doesNotContain(extraEntry)
                .contains("/handlingsside/" + national.slug() + "<");
        SystemPrincipal.run(() -> actionPages.publish(extra.id()));
        assertThat(mvc.get().uri("/sitemap.xml")).bodyText().contains(extraEntry);
        SystemPrincipal.run(() -> services.archive(extra.id()));
        assertThat(mvc.get().uri("/sitemap.xml")).bodyText().doesNotContain(extraEntry);
    }

    @Test
    void aServiceIsACpsvApPublicServiceWhenAskedForJsonLd() throws Exception {
        String service = "http://localhost:8080/id/selvbetjening/" + national.id();
        String owner = "http://localhost:8080/id/myndighed/" + nationalOwner.id();
        String expected = """
                {"@context": {"cpsv": "http://purl.org/vocab/cpsv#", "cv": "http://data.europa.eu/m8g/",
                  "dct": "http://purl.org/dc/terms/", "dcat": "http://www.w3.org/ns/dcat#",
                  "foaf": "http://xmlns.com/foaf/0.1/", "locn": "http://www.w3.org/ns/locn#",
                  "org": "http://www.w3.org/ns/org#", "skos": "http://www.w3.org/2004/02/skos/core#"},
                 "@graph": [
                  {"@id": "SERVICE", "@type": "cpsv:PublicService", "dct:identifier": "ID",
                   "dct:title": {"@value": "Meld flytning", "@language": "da"},
                   "dct:description": {"@value": "INTRO", "@language": "da"},
                   "dcat:keyword": [{"@value": "adresse", "@language": "da"}, {"@value": "flytning", "@language": "da"}],
                   "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DAN"},
                   "foaf:page": {"@id": "http://localhost:8080/handlingsside/SLUG"},
                   "cv:hasCompetentAuthority": [{"@id": "OWNER"}],
                   "cv:hasChannel": [{"@id": "SERVICE/kanal/online"}],
                   "cpsv:hasInput": [{"@id": "SERVICE/dokument/2"}],
                   "cv:hasCost": {"@id": "SERVICE/gebyr"},
                   "cv:thematicArea": [{"@id": "http://localhost:8080/emner/bolig-og-flytning"}],
                   "cv:isGroupedBy": [{"@id": "http://localhost:8080/id/livssituation/flytning"}]},
                  {"@id": "http://publications.europa.eu/resource/authority/language/DAN", "@type": "dct:LinguisticSystem"},
                  {"@id": "OWNER", "@type": ["cv:PublicOrganisation", "org:Organization"],
                   "skos:prefLabel": {"@value": "Styrelsen for Test", "@language": "da"}, "dct:identifier": "CVR",
                   "foaf:homepage": {"@id": "https://www.example-styrelse.dk"},
                   "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/country/DNK"}},
                  {"@id": "http://publications.europa.eu/resource/authority/country/DNK", "@type": "dct:Location",
                   "locn:geographicName": {"@value": "Danmark", "@language": "da"}},
                  {"@id": "SERVICE/kanal/online", "@type": "cv:Channel", "dct:identifier": "SLUG-online",
                   "dct:description": {"@value": "Selvbetjening på nettet", "@language": "da"},
                   "foaf:page": {"@id": "https://flyt.example.dk/"}, "cv:ownedBy": {"@id": "OWNER"}},
                  {"@id": "SERVICE/dokument/2", "@type": "cv:Evidence", "dct:identifier": "SLUG-dokument-2",
                   "dct:title": {"@value": "Kopi af jeres pas og vielsesattest.", "@language": "da"}},
                  {"@id": "SERVICE/gebyr", "@type": "cv:Cost", "dct:identifier": "SLUG-gebyr",
                   "dct:description": {"@value": "Det koster 300 kr.", "@language": "da"}},
                  {"@id": "http://localhost:8080/emner/bolig-og-flytning", "@type": "skos:Concept",
                   "skos:prefLabel": {"@value": "Bolig og flytning", "@language": "da"},
                   "skos:inScheme": {"@id": "http://localhost:8080/emner"}},
                  {"@id": "http://localhost:8080/id/livssituation/flytning", "@type": ["cv:LifeEvent", "cv:Event"],
                   "dct:identifier": "flytning", "dct:title": {"@value": "Flytte", "@language": "da"}}
                 ]}""".replace("SERVICE", service).replace("OWNER", owner).replace("SLUG", national.slug())
                .replace("INTRO", HOSTILE_INTRO.replace("\"", "\\\"")).replace("\"ID\"", "\"" + national.id() + "\"")
                .replace("\"CVR\"", "\"" + nationalOwner.cvrNumber() + "\"");
        MvcTestResult result = mvc.get().uri("/api/v1/services/" + national.slug())
                .accept(MediaType.parseMediaType("application/ld+json")).exchange();
        assertThat(result).hasStatusOk().hasContentType("application/ld+json").bodyJson().isStrictlyEqualTo(expected);
        assertThat(CpsvApShapes.violations(result.getResponse().getContentAsString(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void jsonStaysTheDefaultOfTheServiceAddress() throws Exception {
        assertThat(mvc.get().uri("/api/v1/services/" + national.slug())).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON).bodyJson().extractingPath("$.slug").isEqualTo(national.slug());
        assertThat(mvc.get().uri("/api/v1/services/" + national.slug()).accept(MediaType.ALL)).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON);
        assertThat(mvc.get().uri("/api/v1/services/findes-ikke").accept(MediaType.parseMediaType("application/ld+json")))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theWholeCatalogueConformsToTheCpsvApShapesWithAChannelPerMunicipalityWithALink() throws Exception {
        String body = mvc.get().uri("/api/v1/catalogue.jsonld").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(CpsvApShapes.violations(body)).isEmpty();
        JsonNode graph = JsonMapper.builder().build().readTree(body).get("@graph");
        List<JsonNode> nodes = graph.valueStream().toList();
        assertThat(nodes.stream().filter(n -> n.get("@type").asString("").equals("cpsv:PublicService")).count())
                .isEqualTo(2);
        assertThat(nodes.stream().filter(n -> n.get("@type").asString("").equals("cv:Channel"))
                .map(n -> n.get("foaf:page").get("@id").asString()).toList())
                .containsExactly("https://flyt.example.dk/", "https://www.kk.dk/daginstitution");
        assertThat(body).contains("\"@id\" : \"https://api.dataforsyningen.dk/kommuner/0101\"");
    }

    @Test
    void theShapesFindAServiceWithoutItsMandatoryProperties() throws Exception {
        String body = mvc.get().uri("/api/v1/services/" + national.slug())
                .accept(MediaType.parseMediaType("application/ld+json")).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String withoutIdentifier = body.replace("\"dct:identifier\" : \"" + national.id() + "\",", "");
        assertThat(withoutIdentifier).isNotEqualTo(body);
        assertThat(CpsvApShapes.violations(withoutIdentifier)).singleElement().asString()
                .contains("http://purl.org/dc/terms/identifier");
    }

    @Test
    void actionPagesCarryACanonicalLinkOpenGraphAndAnEscapedGovernmentServiceBlock() throws Exception {
        String html = mvc.get().uri("/handlingsside/" + national.slug() + "?kommunekode=101").exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("</script><script>alert(1)");
        Document page = Jsoup.parse(html);
        String canonical = "http://localhost:8080/handlingsside/" + national.slug();
        assertThat(page.select("head link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(page.select("head meta[property=og:url]").attr("content")).isEqualTo(canonical);
        assertThat(page.select("head meta[property=og:title]").attr("content")).isEqualTo("Meld flytning");
        assertThat(page.select("head meta[property=og:description]").attr("content")).isEqualTo(HOSTILE_INTRO);
        var blocks = page.select("head script[type=application/ld+json]");
        assertThat(blocks).hasSize(1);
        String json = blocks.first().data();
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonNode expected = JsonMapper.builder().build().readTree("""
                {"@context": "https://schema.org", "@type": "GovernmentService", "name": "Meld flytning",
                 "description": "%s", "url": "%s",
                 "provider": {"@type": "GovernmentOrganization", "name": "Styrelsen for Test",
                              "url": "https://www.example-styrelse.dk", "taxID": "%s"},
                 "serviceOperator": {"@type": "GovernmentOrganization", "name": "Styrelsen for Test",
                              "url": "https://www.example-styrelse.dk", "taxID": "%s"},
                 "areaServed": {"@type": "Country", "name": "Danmark", "identifier": "DK"},
                 "jurisdiction": {"@type": "Country", "name": "Danmark", "identifier": "DK"},
                 "availableChannel": {"@type": "ServiceChannel", "name": "Start anmeldelsen",
                                      "serviceUrl": "https://flyt.example.dk/"}}
                """.formatted(HOSTILE_INTRO, canonical, nationalOwner.cvrNumber(), nationalOwner.cvrNumber()));
        assertThat(JsonMapper.builder().build().readTree(json)).isEqualTo(expected);
    }

    @Test
    void aMunicipalActionPageNamesTheChosenMunicipalityAndItsLink() throws Exception {
        String html = mvc.get().uri("/handlingsside/" + municipal.slug() + "?kommunekode=101").exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode json = JsonMapper.builder().build().readTree(
                Jsoup.parse(html).select("script[type=application/ld+json]").first().data());
        assertThat(json.get("provider").get("name").asString()).isEqualTo("København");
        assertThat(json.get("serviceOperator").get("name").asString()).isEqualTo("København");
        assertThat(json.get("areaServed").get("name").asString()).isEqualTo("København");
        assertThat(json.get("jurisdiction").get("identifier").asString()).isEqualTo("0101");
        assertThat(json.get("availableChannel").get("serviceUrl").asString())
                .isEqualTo("https://www.kk.dk/daginstitution");
        assertThat(html).doesNotContain("Styrelsen for Test");

        JsonNode anywhere = JsonMapper.builder().build().readTree(Jsoup.parse(mvc.get()
                .uri("/handlingsside/" + municipal.slug()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).select("script[type=application/ld+json]").first().data());
        assertThat(anywhere.has("provider")).isFalse();
        assertThat(anywhere.get("areaServed").get("name").asString()).isEqualTo("Danmark");
        assertThat(anywhere.get("availableChannel").get("serviceUrl").asString())
                .isEqualTo("http://localhost:8080/handlingsside/" + municipal.slug());
    }

    @Test
    void theFrontPageAndTopicsHaveCanonicalLinksAndOpenGraph() throws Exception {
        Document front = Jsoup.parse(mvc.get().uri("/").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(front.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/");
        assertThat(front.select("meta[property=og:title]").attr("content")).isEqualTo("Selvbetjening");
        assertThat(front.select("script[type=application/ld+json]")).isEmpty();
        Document topic = Jsoup.parse(mvc.get().uri("/emner/familie-og-boern").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(topic.select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8080/emner/familie-og-boern");
        assertThat(topic.select("meta[property=og:title]").attr("content")).isEqualTo("Familie og børn");
    }

    @Test
    void everyReadApiAnswers304WhileNothingChangedAndAgain200AfterAChange() {
        List<String> addresses = List.of("/api/v1/services", "/api/v1/services/" + national.slug(),
                "/api/v1/topics", "/api/v1/municipalities", "/api/v1/catalogue.jsonld", "/api/v1/services.csv",
                "/sitemap.xml", "/robots.txt");
        for (String address : addresses) {
            MvcTestResult first = mvc.get().uri(address).exchange();
            assertThat(first).as(address).hasStatusOk();
            String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
            String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
            assertThat(etag).as(address).isNotBlank();
            assertThat(lastModified).as(address).isNotBlank();
            assertThat(mvc.get().uri(address).header(HttpHeaders.IF_NONE_MATCH, etag)).as(address)
                    .hasStatus(HttpStatus.NOT_MODIFIED).body().isEmpty();
            assertThat(mvc.get().uri(address).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)).as(address)
                    .hasStatus(HttpStatus.NOT_MODIFIED);
            assertThat(mvc.get().uri(address).header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"")).as(address)
                    .hasStatusOk();
        }
        // another representation of the same address has another tag
        String jsonTag = mvc.get().uri("/api/v1/services/" + national.slug()).exchange().getResponse()
                .getHeader(HttpHeaders.ETAG);
        assertThat(mvc.get().uri("/api/v1/services/" + national.slug())
                .accept(MediaType.parseMediaType("application/ld+json")).header(HttpHeaders.IF_NONE_MATCH, jsonTag))
                .hasStatusOk().hasContentType("application/ld+json");

        MvcTestResult before = mvc.get().uri("/api/v1/catalogue.jsonld").exchange();
        SelfServiceDetails added = data.publishedNational("https://endnu-en.example.dk/");
        MvcTestResult after = mvc.get().uri("/api/v1/catalogue.jsonld")
                .header(HttpHeaders.IF_NONE_MATCH, before.getResponse().getHeader(HttpHeaders.ETAG)).exchange();
        assertThat(after).hasStatusOk().bodyText().contains(added.id().toString());
        assertThat(mvc.get().uri("/api/v1/catalogue.jsonld")
                .header(HttpHeaders.IF_MODIFIED_SINCE, before.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)))
                .hasStatusOk();
        SystemPrincipal.run(() -> services.archive(added.id()));
    }

    @Test
    void noExportHoldsSuppliersDraftsOrAssessments() throws Exception {
        for (String address : List.of("/api/v1/services.csv", "/api/v1/catalogue.jsonld", "/sitemap.xml",
                "/api/v1/services/" + national.slug(), "/handlingsside/" + national.slug())) {
            String body = mvc.get().uri(address).accept(MediaType.parseMediaType("application/ld+json"),
                    MediaType.ALL).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(address).contains(national.slug())
                    .doesNotContain("support@netcompany.example").doesNotContain("support@kmd.example")
                    .doesNotContain("Netcompany").doesNotContain("KMD A/S").doesNotContain(DRAFT_TEXT)
                    .doesNotContainIgnoringCase("assessment").doesNotContainIgnoringCase("vurdering");
        }
    }

    private String updated(SelfServiceDetails service) {
        return catalogue.snapshot().service(service.slug()).orElseThrow().updatedAt().truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private String latest(SelfServiceDetails... services) {
        return java.util.Arrays.stream(services).map(this::updated).max(String::compareTo).orElseThrow();
    }
}
