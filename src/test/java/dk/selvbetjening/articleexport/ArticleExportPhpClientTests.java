package dk.selvbetjening.articleexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.RequirementAssessment;
import dk.selvbetjening.shared.SystemPrincipal;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real municipal client: PHP's SoapClient in WSDL mode (Debian's php-cli, php-soap and php-xml, which .ci/run
 * installs) runs {@code articleexport/client.php} against the application with its demo content, calls every
 * operation as the PHP integrations do and parses {@code Content} with PHP's DOM. Without PHP the test fails: the
 * compatibility it proves is the point of the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "selvbetjening.demo.enabled=true",
        "selvbetjening.articleexport.base-url=https://selvbetjening.example"})
class ArticleExportPhpClientTests {

    private static final String BASE = "https://selvbetjening.example";
    private static final String DRAFT_MARKER = "Kladdetekst der aldrig er udgivet";
    private static final String UNPUBLISHED_TITLE = "Ansøg om en hemmelig kladdeløsning";

    @LocalServerPort
    int port;

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    AssessmentService assessments;

    @Autowired
    JsonMapper json;

    @Test
    void aPhpSoapClientLoadsTheWsdlCallsEveryOperationAndFindsTheMunicipalitiesLinksInContent() throws Exception {
        SelfServiceDetails rats = services.bySlug("anmeld-rotter").orElseThrow();
        SystemPrincipal.run(() -> {
            actionPages.saveDraft(rats.id(), new ActionPageContent("Anmeld rotter", DRAFT_MARKER + ".", List.of(),
                    null, null, null, null, null));
            services.add(new NewSelfService("ansoeg-om-en-hemmelig-kladdeloesning", UNPUBLISHED_TITLE, "Hemmelig.",
                    SelfServiceKind.ONLINE, SelfServiceScope.NATIONAL, "https://example.dk/hemmelig", Set.of(),
                    rats.authorityId(), "Hemmelig A/S", "hemmelig@leverandoer.example", LoginMethod.NONE, null, null,
                    List.of("handicap"), List.of(), false));
        });

        JsonNode out = runPhp("http://localhost:" + port + "/_vti_bin/borger/ArticleExport.svc?wsdl",
                "https://www.borger.dk/handlingsside/anmeld-rotter");

        // The WSDL loads and names all 13 operations; the reference data is complete
        assertThat(out.get("functions").asInt()).isEqualTo(13);
        assertThat(out.get("municipalities").asInt()).isEqualTo(98);
        assertThat(out.get("municipality157").asString()).isEqualTo("Gentofte");
        int published = services.published().size();
        assertThat(out.get("articles").asInt()).isEqualTo(published).isEqualTo(34);
        assertThat(out.get("articleUrls").toString()).contains(BASE + "/handlingsside/anmeld-rotter")
                .doesNotContain("ansoeg-om-en-hemmelig-kladdeloesning");

        // The municipal article, without a municipality and for 101 and 751
        int ratsId = out.get("municipalArticle").get("id").asInt();
        assertThat(out.get("municipalArticle").get("title").asString()).isEqualTo("Anmeld rotter");
        JsonNode national = out.get("national");
        assertThat(national.get("id").asInt()).isEqualTo(ratsId);
        assertThat(national.get("url").asString()).isEqualTo(BASE + "/handlingsside/anmeld-rotter");
        assertThat(national.get("header").asString()).startsWith("Her kan du anmelde, at du har set rotter.");
        assertThat(link(national).get("href").asString())
                .isEqualTo(BASE + "/Handlingsside?selfserviceId=" + rats.id());
        assertThat(national.get("content").get("byline").asString()).isEqualTo("Skrevet af din kommune");
        List<String> headlines = new ArrayList<>();
        national.get("content").get("microArticles").forEach(m -> headlines.add(m.get("headline").asString()));
        assertThat(headlines).containsExactly("Før du går i gang", "Sådan logger du på",
                "Hvis du ikke kan bruge selvbetjeningen", "Hvad sker der bagefter", "Mere information");
        assertThat(national.get("content").get("microArticles").get(0).get("content").asString())
                .startsWith("<div><ul><li>MitID.</li>");

        for (var municipality : List.of(new String[] {"101", "in101", "Københavns Kommune", "https://www.kk.dk/"},
                new String[] {"751", "in751", "Aarhus Kommune", "https://aarhus.dk/"})) {
            JsonNode article = out.get(municipality[1]);
            JsonNode link = link(article);
            assertThat(link.get("id").asString()).isEqualTo(rats.id().toString());
            assertThat(link.get("liId").asString()).isEqualTo("opis_domainservice_" + rats.id());
            assertThat(link.get("title").asString()).startsWith("Start ");
            assertThat(link.get("href").asString()).isEqualTo(BASE + "/Handlingsside?selfserviceId=" + rats.id()
                    + "&kommunekode=" + municipality[0]);
            assertThat(article.get("content").get("byline").asString()).isEqualTo("Skrevet af " + municipality[2]);
            // The link is the municipality's: it leads to its own solution
            assertThat(followToTheSolution(link.get("href").asString())).startsWith(municipality[3]);
        }

        // GetArticlesByIDs: every article, each with its link; one id arrives as one object; updatedAfter filters
        assertThat(out.get("byIds").get("count").asInt()).isEqualTo(published);
        assertThat(out.get("byIds").get("withLinks").asInt()).isEqualTo(published);
        assertThat(out.get("byOneId").asInt()).isEqualTo(ratsId);
        assertThat(out.get("updatedAfterFuture").asInt()).isZero();
        assertThat(out.get("updatedAfterPast").asInt()).isEqualTo(published);

        // Topics as sites; every published article is on a site per topic it has
        assertThat(out.get("sites").asInt()).isEqualTo(17);
        assertThat(out.get("firstSite").get("name").asString()).isEqualTo("familie-og-boern");
        assertThat(out.get("firstSite").get("title").asString()).isEqualTo("Familie og børn");
        assertThat(out.get("firstSite").get("parent").isNull()).isTrue();
        assertThat(out.get("articlesBySite").asInt())
                .isEqualTo(services.published().stream().mapToInt(s -> s.topics().size()).sum());

        // Faults for unknown ids, URLs and sites, and for the operations not offered
        JsonNode faults = out.get("faults");
        assertFault(faults.get("unknownId"), "No articles found with ids '999999'");
        assertFault(faults.get("unknownIds"), "No articles found with ids '999998,999999'");
        assertFault(faults.get("unknownUrl"), "No article found with url https://www.borger.dk/handlingsside/findes-ikke");
        assertFault(faults.get("unknownSite"), "Der findes ikke et site med SiteID 999999. Brug et SiteID fra GetAllSites.");
        for (String operation : List.of("GetFormServiceAreaList", "GetFormTaskAreaList", "GetFormTaskList",
                "GetArticleIDsByFormServiceArea", "GetArticleIDsByFormTaskArea", "GetArticlesByFormTasks")) {
            assertFault(faults.get(operation), "Operationen " + operation + " tilbydes ikke af denne tjeneste."
                    + " Brug GetAllArticles, GetAllSites og GetArticleIDsBySiteID.");
        }

        // Nothing private in any answer: drafts, unpublished self-services, suppliers, assessments
        String answers = out.get("responses").toString();
        assertThat(out.get("responses").size()).isEqualTo(38);
        assertThat(answers).doesNotContain(DRAFT_MARKER, UNPUBLISHED_TITLE, "hemmelig@leverandoer.example");
        for (SelfServiceDetails service : services.published()) {
            if (service.supplierEmail() != null) {
                assertThat(answers).doesNotContain(service.supplierEmail());
            }
        }
        List<String> assessmentTexts = new ArrayList<>();
        for (RequirementAssessment row : SystemPrincipal.call(() -> assessments.visible("meld-flytning")).rows()) {
            if (row.answer() != null && row.answer().justification() != null) {
                assessmentTexts.add(row.answer().justification());
                assessmentTexts.add(row.answer().evidenceUrl());
            }
        }
        assertThat(assessmentTexts).isNotEmpty();
        assessmentTexts.stream().filter(t -> t != null).forEach(t -> assertThat(answers).doesNotContain(t));
    }

    private static JsonNode link(JsonNode article) {
        JsonNode links = article.get("content").get("links");
        assertThat(links.size()).isEqualTo(1);
        return links.get(0);
    }

    private static void assertFault(JsonNode fault, String message) {
        assertThat(fault.get("fault").asString()).endsWith("Client");
        assertThat(fault.get("message").asString()).isEqualTo(message);
    }

    /** Follows an article's link on this server: the historic address, the action page's Start, the solution. */
    private String followToTheSolution(String href) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String local = "http://localhost:" + port;
        HttpResponse<String> historic = http.send(HttpRequest.newBuilder(URI.create(href.replace(BASE, local)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(historic.statusCode()).isEqualTo(301);
        String page = historic.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> actionPage = http.send(HttpRequest.newBuilder(URI.create(local).resolve(page)).build(),
                HttpResponse.BodyHandlers.ofString());
        String start = Jsoup.parse(actionPage.body()).select("a.start-button").attr("href");
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(local).resolve(start)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(303);
        return redirect.headers().firstValue("Location").orElseThrow();
    }

    private JsonNode runPhp(String wsdl, String municipalUrl) throws Exception {
        Process modules = new ProcessBuilder("php", "-m").redirectErrorStream(true).start();
        String installed = new String(modules.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(modules.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(installed.lines()).as("php -m (install php-cli, php-soap and php-xml)").contains("soap", "dom");

        Path script = Files.createTempFile("articleexport-client", ".php");
        Path errors = Files.createTempFile("articleexport-client", ".err");
        try {
            Files.write(script, new ClassPathResource("articleexport/client.php").getContentAsByteArray());
            Process php = new ProcessBuilder("php", script.toString(), wsdl, municipalUrl)
                    .redirectError(errors.toFile()).start();
            String output = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(php.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(php.exitValue()).as("php failed: %s%n%s", Files.readString(errors), output).isZero();
            return json.readTree(output);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(errors);
        }
    }
}
