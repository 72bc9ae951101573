package dk.selvbetjening.articleexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.shared.DanishTime;
import dk.selvbetjening.shared.SeparateDatabase;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The SOAP service over real HTTP (security filters, the request size limit and Spring WS's servlet included): every
 * operation's whole response body, the faults, the WSDL and hostile XML. A data set of its own: two self-services
 * with known texts, so ArticleIDs, lists and bodies are exact (ADR 0016).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SeparateDatabase("articleexport")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleExportSoapTests {

    private static final String CONTRACT = "http://www.borger.dk/2009/WSArticleExport/v1";
    private static final String ENVELOPE_START = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<SOAP-ENV:Header/><SOAP-ENV:Body>";
    private static final String ENVELOPE_END = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    private static final String RESULT_NS = " xmlns:a=\"http://www.borger.dk/2009/WSArticleExport/v1/types\""
            + " xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @LocalServerPort
    int port;

    @Autowired
    AuthorityService authorities;

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    CitizenCatalogue catalogue;

    private final HttpClient http = HttpClient.newHttpClient();
    private SelfServiceDetails national;
    private SelfServiceDetails municipal;

    @BeforeAll
    void publishTwoSelfServices() {
        AuthorityDetails owner = SystemPrincipal.call(() ->
                authorities.register(AuthorityFixtures.aStateAuthority("Styrelsen for Kort & Test")));
        national = publish(new NewSelfService("bestil-et-testkort", "Bestil et testkort", "Bestil et kort.",
                SelfServiceKind.ONLINE, SelfServiceScope.NATIONAL, "https://kort.example.dk/bestil", Set.of(),
                owner.id(), "Leverandør A/S", "hemmelig@leverandoer.example", LoginMethod.MITID_NEMLOGIN, null,
                null, List.of("bolig-og-flytning"), List.of(), false),
                new ActionPageContent("Bestil et testkort", "Her bestiller du et kort. Det er \"gratis\" & <hurtigt>.",
                        List.of("MitID.", "Det tager 2 minutter."), null, null,
                        "Ring til os.\n\nSkriv til os på\nkort@example.dk.", "Du får kortet med posten.", null,
                        "Lov om kort.\n\nBekendtgørelse om <kort>.", "Det koster 0 kr.", null, null),
                Map.of());
        municipal = publish(new NewSelfService("anmeld-en-testrotte", "Anmeld en testrotte", "Anmeld rotter.",
                SelfServiceKind.ONLINE, SelfServiceScope.MUNICIPAL, null, Set.of(), owner.id(), "KMD A/S",
                "hemmelig@kmd.example", LoginMethod.NONE, null, null, List.of("bolig-og-flytning",
                "miljoe-og-energi"), List.of(), false),
                new ActionPageContent("Anmeld en testrotte", "Her anmelder du rotter til din kommune.", List.of(),
                        "Anmeld rotter nu", null, null, "En rottefænger kommer.", null),
                Map.of(101, "https://www.kk.example/rotter", 751, "https://aarhus.example/rotter"));
    }

    private SelfServiceDetails publish(NewSelfService command, ActionPageContent page, Map<Integer, String> urls) {
        return SystemPrincipal.call(() -> {
            SelfServiceDetails service = services.add(command);
            actionPages.write(service.id(), page);
            urls.forEach((code, url) -> links.setLink(service.id(), code, url, null));
            return services.publish(service.id());
        });
    }

    @Test
    void getArticleByIdAnswersTheWholeArticleWithTheNationalTextWhenNoMunicipalityIsAsked() throws Exception {
        String body = call("GetArticleByID", "<articleID>1</articleID>");

        assertThat(body).isEqualTo(ENVELOPE_START + "<GetArticleByIDResponse xmlns=\"" + CONTRACT + "\">"
                + "<GetArticleByIDResult" + RESULT_NS + ">" + nationalArticle(null) + "</GetArticleByIDResult>"
                + "</GetArticleByIDResponse>" + ENVELOPE_END);
    }

    @Test
    void getArticleByIdWithAMunicipalityLinksToTheActionPageForThatMunicipalityAndNamesIt() throws Exception {
        String body = call("GetArticleByID", "<articleID>2</articleID><municipalityCode>751</municipalityCode>");

        assertThat(body).isEqualTo(ENVELOPE_START + "<GetArticleByIDResponse xmlns=\"" + CONTRACT + "\">"
                + "<GetArticleByIDResult" + RESULT_NS + ">" + municipalArticle(751, "Aarhus") + "</GetArticleByIDResult>"
                + "</GetArticleByIDResponse>" + ENVELOPE_END);
    }

    @Test
    void getArticlesByIdsAnswersThePublishedOnesInTheOrderAskedAndSkipsUnknownIds() throws Exception {
        String body = call("GetArticlesByIDs", "<articleIDs>"
                + "<int xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">2</int>"
                + "<int xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">99</int>"
                + "<int xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">1</int>"
                + "</articleIDs><municipalityCode>101</municipalityCode><updatedAfter i:nil=\"true\""
                + " xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"/>");

        assertThat(body).isEqualTo(ENVELOPE_START + "<GetArticlesByIDsResponse xmlns=\"" + CONTRACT + "\">"
                + "<GetArticlesByIDsResult" + RESULT_NS + "><a:Article>" + municipalArticle(101, "København")
                + "</a:Article><a:Article>" + nationalArticle(101) + "</a:Article></GetArticlesByIDsResult>"
                + "</GetArticlesByIDsResponse>" + ENVELOPE_END);
    }

    @Test
    void getArticlesByIdsLeavesOutArticlesNotChangedAfterUpdatedAfter() throws Exception {
        String later = LOCAL.format(LocalDateTime.ofInstant(
                catalogue.snapshot().service(national.id()).orElseThrow().updatedAt().plusSeconds(1),
                DanishTime.ZONE));
        String ids = "<articleIDs><int xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">1</int>"
                + "</articleIDs>";

        assertThat(call("GetArticlesByIDs", ids + "<updatedAfter>" + later + "</updatedAfter>")).isEqualTo(
                ENVELOPE_START + "<GetArticlesByIDsResponse xmlns=\"" + CONTRACT + "\"><GetArticlesByIDsResult"
                        + RESULT_NS + "/></GetArticlesByIDsResponse>" + ENVELOPE_END);
        assertThat(call("GetArticlesByIDs", ids + "<updatedAfter>2000-01-01T00:00:00Z</updatedAfter>"))
                .contains("<a:ArticleID>1</a:ArticleID>");
    }

    @Test
    void getAllArticlesDescribesEveryPublishedArticleByArticleId() throws Exception {
        String body = call("GetAllArticles", "");

        assertThat(body).isEqualTo(ENVELOPE_START + "<GetAllArticlesResponse xmlns=\"" + CONTRACT + "\">"
                + "<GetAllArticlesResult" + RESULT_NS + ">"
                + "<a:ArticleDescription><a:ArticleID>1</a:ArticleID><a:ArticleTitle>Bestil et testkort</a:ArticleTitle>"
                + "<a:ArticleUrl>http://localhost:8080/handlingsside/bestil-et-testkort</a:ArticleUrl>" + forms()
                + dates(national) + "</a:ArticleDescription>"
                + "<a:ArticleDescription><a:ArticleID>2</a:ArticleID><a:ArticleTitle>Anmeld en testrotte</a:ArticleTitle>"
                + "<a:ArticleUrl>http://localhost:8080/handlingsside/anmeld-en-testrotte</a:ArticleUrl>" + forms()
                + dates(municipal) + "</a:ArticleDescription>"
                + "</GetAllArticlesResult></GetAllArticlesResponse>" + ENVELOPE_END);
    }

    @Test
    void getArticleIdByUrlFindsTheActionPageOnAnyHostAndByTheHistoricAddress() throws Exception {
        String expected = ENVELOPE_START + "<GetArticleIDByUrlResponse xmlns=\"" + CONTRACT + "\">"
                + "<GetArticleIDByUrlResult" + RESULT_NS + "><a:ArticleID>2</a:ArticleID>"
                + "<a:ArticleTitle>Anmeld en testrotte</a:ArticleTitle></GetArticleIDByUrlResult>"
                + "</GetArticleIDByUrlResponse>" + ENVELOPE_END;

        assertThat(call("GetArticleIDByUrl", "<url>https://www.borger.dk/handlingsside/anmeld-en-testrotte</url>"))
                .isEqualTo(expected);
        assertThat(call("GetArticleIDByUrl", "<url>http://localhost:8080/Handlingsside?selfserviceId="
                + municipal.id() + "&amp;kommunekode=101</url>")).isEqualTo(expected);
    }

    @Test
    void getAllSitesAnswersTheTopicsAsSites() throws Exception {
        assertThat(call("GetAllSites", "")).isEqualTo(expected("GetAllSites.xml"));
    }

    @Test
    void getArticleIdsBySiteIdListsTheTopicsPublishedArticlesByTitle() throws Exception {
        // SiteID 10 is "bolig-og-flytning", the tenth topic (GetAllSites.xml)
        assertThat(call("GetArticleIDsBySiteID", "<siteID>10</siteID>")).isEqualTo(ENVELOPE_START
                + "<GetArticleIDsBySiteIDResponse xmlns=\"" + CONTRACT + "\"><GetArticleIDsBySiteIDResult" + RESULT_NS
                + "><a:ArticleShortDescription><a:ArticleID>2</a:ArticleID><a:ArticleTitle>Anmeld en testrotte"
                + "</a:ArticleTitle></a:ArticleShortDescription><a:ArticleShortDescription><a:ArticleID>1"
                + "</a:ArticleID><a:ArticleTitle>Bestil et testkort</a:ArticleTitle></a:ArticleShortDescription>"
                + "</GetArticleIDsBySiteIDResult></GetArticleIDsBySiteIDResponse>" + ENVELOPE_END);
        assertThat(call("GetArticleIDsBySiteID", "<siteID>1</siteID>")).isEqualTo(ENVELOPE_START
                + "<GetArticleIDsBySiteIDResponse xmlns=\"" + CONTRACT + "\"><GetArticleIDsBySiteIDResult" + RESULT_NS
                + "/></GetArticleIDsBySiteIDResponse>" + ENVELOPE_END);
    }

    @Test
    void getMunicipalityListAnswersThe98MunicipalitiesByCode() throws Exception {
        String body = call("GetMunicipalityList", "");

        assertThat(body).isEqualTo(expected("GetMunicipalityList.xml"));
        assertThat(body.split("<a:Municipality>", -1)).hasSize(99);
    }

    @Test
    void unknownIdsAndUrlsGiveTheFaultsClientsParse() throws Exception {
        assertThat(call("GetArticleByID", "<articleID>9999</articleID>"))
                .isEqualTo(clientFault("en", "No articles found with ids '9999'"));
        assertThat(call("GetArticlesByIDs", "<articleIDs><int>77</int><int>78</int></articleIDs>"))
                .isEqualTo(clientFault("en", "No articles found with ids '77,78'"));
        assertThat(call("GetArticleIDByUrl", "<url>https://www.borger.dk/handlingsside/findes-ikke</url>"))
                .isEqualTo(clientFault("en", "No article found with url https://www.borger.dk/handlingsside/findes-ikke"));
        assertThat(call("GetArticleIDsBySiteID", "<siteID>4711</siteID>"))
                .isEqualTo(clientFault("da", "Der findes ikke et site med SiteID 4711. Brug et SiteID fra GetAllSites."));
    }

    @Test
    void anUnpublishedArticleIsMarkedAsNotExportable() throws Exception {
        SelfServiceDetails withdrawn = publish(new NewSelfService("traek-en-test-tilbage", "Træk en test tilbage",
                "Træk tilbage.", SelfServiceKind.ONLINE, SelfServiceScope.NATIONAL, "https://example.dk/t", Set.of(),
                national.authorityId(), null, null, LoginMethod.NONE, null, null, List.of("handicap"), List.of(),
                false), new ActionPageContent("Meld flytning", "Her melder du din nye adresse.",
                List.of("Du skal bruge MitID."), null, null, "Ring til kommunen, hvis du ikke kan bruge selvbetjeningen.",
                "Du får svar i Digital Post.", null), Map.of());
        String id = call("GetArticleIDByUrl", "<url>/handlingsside/traek-en-test-tilbage</url>")
                .replaceAll(".*<a:ArticleID>(\\d+)</a:ArticleID>.*", "$1");
        SystemPrincipal.run(() -> actionPages.unpublish(withdrawn.id()));

        assertThat(call("GetArticleByID", "<articleID>" + id + "</articleID>"))
                .isEqualTo(clientFault("en", "Article with id " + id + " has been marked as not exportable."));
        assertThat(call("GetAllArticles", "")).doesNotContain("traek-en-test-tilbage");
        assertThat(call("GetArticleIDByUrl", "<url>/handlingsside/traek-en-test-tilbage</url>"))
                .isEqualTo(clientFault("en", "No article found with url /handlingsside/traek-en-test-tilbage"));

        // Published again, it is the same article
        SystemPrincipal.run(() -> actionPages.publish(withdrawn.id()));
        assertThat(call("GetArticleByID", "<articleID>" + id + "</articleID>"))
                .contains("<a:ArticleUrl>http://localhost:8080/handlingsside/traek-en-test-tilbage</a:ArticleUrl>");
        SystemPrincipal.run(() -> actionPages.unpublish(withdrawn.id()));
    }

    @Test
    void badParametersGiveDanishClientFaults() throws Exception {
        assertThat(call("GetArticleByID", "<articleID>1</articleID><municipalityCode>999</municipalityCode>"))
                .isEqualTo(clientFault("da", "Kommunekoden 999 findes ikke. Brug en kode fra GetMunicipalityList,"
                        + " eller 0 for ingen kommune."));
        assertThat(call("GetArticleByID", "<articleID>en</articleID>"))
                .isEqualTo(clientFault("da", "Parameteren articleID skal være et heltal, men er \"en\"."));
        assertThat(call("GetArticleByID", ""))
                .isEqualTo(clientFault("da", "Parameteren articleID mangler."));
        assertThat(call("GetArticlesByIDs", "<articleIDs><int>1</int></articleIDs><updatedAfter>i går</updatedAfter>"))
                .isEqualTo(clientFault("da", "Parameteren updatedAfter skal være en dato og et klokkeslæt"
                        + " (fx 2026-01-31T12:00:00), men er \"i går\"."));
    }

    @Test
    void theKleOperationsSayTheyAreNotOffered() throws Exception {
        for (String operation : List.of("GetFormServiceAreaList", "GetFormTaskAreaList", "GetFormTaskList",
                "GetArticleIDsByFormServiceArea", "GetArticleIDsByFormTaskArea", "GetArticlesByFormTasks")) {
            assertThat(call(operation, "")).isEqualTo(clientFault("da", "Operationen " + operation
                    + " tilbydes ikke af denne tjeneste. Brug GetAllArticles, GetAllSites og GetArticleIDsBySiteID."));
        }
    }

    @Test
    void theWsdlIsServedAtWsdlOnTheServicesAddressNamingThatAddress() throws Exception {
        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(uri("?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        assertThat(wsdl.body()).contains("targetNamespace=\"" + CONTRACT + "\"",
                "<soap:address location=\"http://localhost:" + port + "/_vti_bin/borger/ArticleExport.svc\"/>",
                "soapAction=\"" + CONTRACT + "/IArticleExport/GetArticlesByIDs\"");
        assertThat(http.send(HttpRequest.newBuilder(uri("?WSDL")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(wsdl.body());
        assertThat(http.send(HttpRequest.newBuilder(uri("")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedBeforeAnyEntityIsRead() throws Exception {
        String external = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + envelope("GetArticleIDByUrl", "<url>&x;</url>");
        String expansion = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + envelope("GetArticleIDByUrl", "<url>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</url>");

        for (String hostile : List.of(external, expansion)) {
            HttpResponse<String> response = post(hostile);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"da\">Forespørgslen er"
                    + " ikke en SOAP 1.1-besked, som tjenesten kan læse. DTD'er og entiteter er ikke tilladt."
                    + "</faultstring></s:Fault></s:Body></s:Envelope>");
            assertThat(response.body()).doesNotContain("root:", "aaaaaaaaaa");
        }
        assertThat(post("ikke xml").statusCode()).isEqualTo(400);
    }

    @Test
    void aRequestOverTheSizeLimitIsRefusedUnread() throws Exception {
        String huge = envelope("GetArticleIDByUrl", "<url>" + "x".repeat(1024 * 1024) + "</url>");

        HttpResponse<String> response = post(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Forespørgslen er for stor", "højst fylde 1 MB");
    }

    /** The national article; with the municipality's code in its link when one was asked for. */
    private String nationalArticle(Integer code) {
        String id = national.id().toString();
        return "<a:ArticleHeader>Her bestiller du et kort. Det er \"gratis\" &amp; &lt;hurtigt&gt;.</a:ArticleHeader>"
                + "<a:ArticleID>1</a:ArticleID><a:ArticleTitle>Bestil et testkort</a:ArticleTitle>"
                + "<a:ArticleUrl>http://localhost:8080/handlingsside/bestil-et-testkort</a:ArticleUrl>"
                + "<a:Content>&lt;div id=\"selvbetjeningslinks\"&gt;&lt;ul&gt;&lt;li id=\"opis_domainservice_" + id
                + "\"&gt;&lt;a href=\"http://localhost:8080/Handlingsside?selfserviceId=" + id
                + (code == null ? "" : "&amp;amp;kommunekode=" + code)
                + "\" title=\"Start bestillingen\"&gt;Start bestillingen&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;"
                + "&lt;/div&gt;&lt;div id=\"kernetekst\"&gt;"
                + "&lt;div id=\"microArticle_1\"&gt;&lt;h2&gt;Før du går i gang&lt;/h2&gt;&lt;div&gt;&lt;ul&gt;"
                + "&lt;li&gt;MitID.&lt;/li&gt;&lt;li&gt;Det tager 2 minutter.&lt;/li&gt;&lt;/ul&gt;&lt;/div&gt;&lt;/div&gt;"
                + "&lt;div id=\"microArticle_2\"&gt;&lt;h2&gt;Sådan logger du på&lt;/h2&gt;&lt;div&gt;&lt;p&gt;Du logger"
                + " på med MitID. Du kan også give andre lov til at gøre det for dig med en digital fuldmagt.&lt;/p&gt;"
                + "&lt;/div&gt;&lt;/div&gt;"
                + "&lt;div id=\"microArticle_3\"&gt;&lt;h2&gt;Hvis du ikke kan bruge selvbetjeningen&lt;/h2&gt;&lt;div&gt;"
                + "&lt;p&gt;Ring til os.&lt;/p&gt;&lt;p&gt;Skriv til os på&lt;br /&gt;kort@example.dk.&lt;/p&gt;"
                + "&lt;/div&gt;&lt;/div&gt;"
                + "&lt;div id=\"microArticle_4\"&gt;&lt;h2&gt;Hvad sker der bagefter&lt;/h2&gt;&lt;div&gt;&lt;p&gt;Du får"
                + " kortet med posten.&lt;/p&gt;&lt;/div&gt;&lt;/div&gt;"
                + "&lt;div id=\"microArticle_5\"&gt;&lt;h2&gt;Det koster det&lt;/h2&gt;&lt;div&gt;&lt;p&gt;Det koster"
                + " 0 kr.&lt;/p&gt;&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;"
                + "&lt;div id=\"lovgivning\"&gt;&lt;h3&gt;Regler og lovgivning&lt;/h3&gt;&lt;div&gt;&lt;div&gt;&lt;p&gt;Lov om"
                + " kort.&lt;/p&gt;&lt;p&gt;Bekendtgørelse om &amp;lt;kort&amp;gt;.&lt;/p&gt;&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;"
                + "&lt;div id=\"byline\"&gt;&lt;div&gt;Skrevet af Styrelsen for Kort &amp;amp; Test&lt;/div&gt;"
                + "&lt;/div&gt;</a:Content>" + forms() + dates(national);
    }

    private String municipalArticle(int code, String municipality) {
        String id = municipal.id().toString();
        return "<a:ArticleHeader>Her anmelder du rotter til din kommune.</a:ArticleHeader>"
                + "<a:ArticleID>2</a:ArticleID><a:ArticleTitle>Anmeld en testrotte</a:ArticleTitle>"
                + "<a:ArticleUrl>http://localhost:8080/handlingsside/anmeld-en-testrotte</a:ArticleUrl>"
                + "<a:Content>&lt;div id=\"selvbetjeningslinks\"&gt;&lt;ul&gt;&lt;li id=\"opis_domainservice_" + id
                + "\"&gt;&lt;a href=\"http://localhost:8080/Handlingsside?selfserviceId=" + id + "&amp;amp;kommunekode="
                + code + "\" title=\"Start Anmeld en testrotte\"&gt;Anmeld rotter nu&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;"
                + "&lt;/div&gt;&lt;div id=\"kernetekst\"&gt;"
                + "&lt;div id=\"microArticle_1\"&gt;&lt;h2&gt;Hvad sker der bagefter&lt;/h2&gt;&lt;div&gt;&lt;p&gt;En"
                + " rottefænger kommer.&lt;/p&gt;&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;"
                + "&lt;div id=\"byline\"&gt;&lt;div&gt;Skrevet af " + municipality + "&lt;/div&gt;&lt;/div&gt;"
                + "</a:Content>" + forms() + dates(municipal);
    }

    private static String forms() {
        return "<a:FormServiceAreas/><a:FormTaskAreas/><a:FormTasks/>";
    }

    /** LastUpdated and PublishingDate: when it was published, in Danish local time. */
    private String dates(SelfServiceDetails service) {
        String at = LOCAL.format(LocalDateTime.ofInstant(catalogue.snapshot().service(service.id()).orElseThrow()
                .updatedAt().truncatedTo(ChronoUnit.SECONDS), DanishTime.ZONE));
        return "<a:LastUpdated>" + at + "</a:LastUpdated><a:PublishingDate>" + at + "</a:PublishingDate>";
    }

    private static String clientFault(String language, String text) {
        return ENVELOPE_START + "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring xml:lang=\""
                + language + "\">" + text.replace("&", "&amp;").replace("<", "&lt;") + "</faultstring></SOAP-ENV:Fault>"
                + ENVELOPE_END;
    }

    private static String envelope(String operation, String parameters) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><" + operation + " xmlns=\""
                + CONTRACT + "\">" + parameters + "</" + operation + "></s:Body></s:Envelope>";
    }

    /** The operation's answer, as a .NET client sends it (SOAPAction, text/xml); a fault's too. */
    private String call(String operation, String parameters) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(""))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + CONTRACT + "/IArticleExport/" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope(operation, parameters), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml;charset=utf-8");
        // SOAP 1.1's HTTP binding: a fault is a 500, everything else 200
        assertThat(response.statusCode()).isEqualTo(response.body().contains("<SOAP-ENV:Fault>") ? 500 : 200);
        return response.body();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("")).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String query) {
        return URI.create("http://localhost:" + port + "/_vti_bin/borger/ArticleExport.svc" + query);
    }

    private static String expected(String file) throws IOException {
        return new ClassPathResource("articleexport/" + file).getContentAsString(StandardCharsets.UTF_8).strip();
    }
}
