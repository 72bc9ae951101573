package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The read API, whole JSON bodies, on its own database (so the lists hold exactly this class's data). */
@SpringBootTest
@SeparateDatabase("service-api")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceApiControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    dk.selvbetjening.portal.CitizenCatalogue catalogue;

    SelfServiceDetails municipal;
    SelfServiceDetails form;
    AuthorityDetails owner;

    @BeforeAll
    void publish() {
        municipal = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/daginstitution", 147, ""));
        owner = data.stateAuthority();
        form = data.publish(SelfServiceFixtures.aForm(owner.id(), Set.of(FormReturn.POST, FormReturn.DIGITAL_SIGNED)),
                Map.of());
    }

    @Test
    void listsTheMunicipalities() {
        assertThat(mvc.get().uri("/api/v1/municipalities")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.length()", v -> v.assertThat().isEqualTo(98))
                .extractingPath("$[0]").isEqualTo(Map.of("code", 101, "name", "København", "regionCode", 1084));
    }

    @Test
    void listsTheTopicsInThePortalsOrder() {
        assertThat(mvc.get().uri("/api/v1/topics")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.length()", v -> v.assertThat().isEqualTo(17))
                .extractingPath("$[0]").isEqualTo(Map.of("slug", "familie-og-boern", "title", "Familie og børn"));
    }

    @Test
    void answersAServiceWithItsActionPageAndTheMunicipalitysStartUrlAndTheMunicipalityAsResponsible() {
        String expected = """
                {
                  "id": "%s", "slug": "%s", "title": "%s",
                  "shortDescription": "Skriv dit barn op til vuggestue eller børnehave.",
                  "kind": "ONLINE", "scope": "MUNICIPAL", "loginMethod": "MITID_NEMLOGIN", "mandatoryWave": null,
                  "topics": ["familie-og-boern"], "formReturn": [],
                  "authority": {"id": null, "name": "København", "type": "MUNICIPALITY", "cvrNumber": null,
                                "municipalityCode": 101, "homepageUrl": null, "contactPhone": null,
                                "contactEmail": null},
                  "actionPageUrl": "http://localhost/handlingsside/%s?kommunekode=101",
                  "startUrl": "https://www.kk.dk/daginstitution",
                  "actionPage": {
                    "title": "%s",
                    "intro": "Her kan du gøre det online. Det er for alle borgere.",
                    "beforeYouStart": ["MitID.", "Det tager 5 minutter."],
                    "startLabel": "Start opskrivningen",
                    "continuesOn": null,
                    "loginText": "Du logger på med MitID. Du kan også give andre lov til at gøre det for dig med en digital fuldmagt.",
                    "alternatives": "Ring til os, hvis du ikke kan bruge selvbetjeningen.",
                    "afterwards": "Du får svar i Digital Post.",
                    "moreInformation": null,
                    "rules": null, "fees": null, "deadlines": null, "plannedDowntime": null,
                    "updatedAt": "%s"
                  }
                }""".formatted(municipal.id(), municipal.slug(), municipal.title(), municipal.slug(), municipal.title(),
                catalogue.snapshot().service(municipal.slug()).orElseThrow().updatedAt());
        assertThat(mvc.get().uri("/api/v1/services/" + municipal.slug() + "?municipalityCode=0101"))
                .hasStatusOk().hasContentType(MediaType.APPLICATION_JSON).bodyJson().isStrictlyEqualTo(expected);
    }

    @Test
    void namesARegisteredMunicipalityWithItsContactDetailsAndTheOwnerWhenNoMunicipalityIsGiven() {
        AuthorityDetails frederiksberg = data.municipality(147, "Frederiksberg Kommune");
        assertThat(mvc.get().uri("/api/v1/services/" + municipal.slug() + "?municipalityCode=147")).bodyJson()
                .extractingPath("$.authority").isEqualTo(Map.of("id", frederiksberg.id().toString(),
                        "name", "Frederiksberg Kommune", "type", "MUNICIPALITY",
                        "cvrNumber", frederiksberg.cvrNumber(), "municipalityCode", 147,
                        "homepageUrl", "https://www.kommune-147.dk", "contactPhone", "+45 70 10 147",
                        "contactEmail", "post@kommune-147.dk"));
        assertThat(mvc.get().uri("/api/v1/services?municipalityCode=147&topic=familie-og-boern")).bodyJson()
                .extractingPath("$.items[0].authority.name").isEqualTo("Frederiksberg Kommune");
        assertThat(mvc.get().uri("/api/v1/services/" + municipal.slug())).bodyJson()
                .extractingPath("$.authority.name").isEqualTo("Styrelsen for Test");
    }

    @Test
    void hasNoStartUrlWhereTheMunicipalityHasNoLinkOrNoneIsGiven() {
        assertThat(mvc.get().uri("/api/v1/services/" + municipal.slug() + "?municipalityCode=147")).bodyJson()
                .extractingPath("$.startUrl").isNull();
        assertThat(mvc.get().uri("/api/v1/services/" + municipal.slug())).bodyJson()
                .extractingPath("$.startUrl").isNull();
    }

    @Test
    void pagesThroughThePublishedServices() {
        String expected = """
                {"items": [{
                   "id": "%s", "slug": "%s", "title": "%s",
                   "shortDescription": "Hent blanketten, udfyld og send den.",
                   "kind": "FORM", "scope": "NATIONAL", "loginMethod": "NONE", "mandatoryWave": null,
                   "topics": ["samfund-og-rettigheder"], "formReturn": ["DIGITAL_SIGNED", "POST"],
                   "authority": {"id": "%s", "name": "Styrelsen for Test", "type": "STATE", "cvrNumber": "%s",
                                 "municipalityCode": null, "homepageUrl": "https://www.example-styrelse.dk",
                                 "contactPhone": "+45 70 00 00 00", "contactEmail": "kontakt@example-styrelse.dk"},
                   "actionPageUrl": "http://localhost/handlingsside/%s",
                   "startUrl": "%s"}],
                 "page": 0, "size": 1, "totalItems": 2}""".formatted(form.id(), form.slug(), form.title(), owner.id(),
                owner.cvrNumber(), form.slug(), form.url());
        assertThat(mvc.get().uri("/api/v1/services?size=1")).hasStatusOk().bodyJson().isStrictlyEqualTo(expected);
        assertThat(mvc.get().uri("/api/v1/services?size=1&page=1")).bodyJson()
                .extractingPath("$.items[0].slug").isEqualTo(municipal.slug());
        assertThat(mvc.get().uri("/api/v1/services?page=5")).bodyJson()
                .isStrictlyEqualTo("{\"items\": [], \"page\": 5, \"size\": 20, \"totalItems\": 2}");
    }

    @Test
    void filtersByTopicAndResolvesStartUrlsForTheMunicipality() {
        assertThat(mvc.get().uri("/api/v1/services?topic=familie-og-boern&municipalityCode=101")).bodyJson()
                .hasPathSatisfying("$.totalItems", v -> v.assertThat().isEqualTo(1))
                .extractingPath("$.items[0].startUrl").isEqualTo("https://www.kk.dk/daginstitution");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/services?municipalityCode=abc|municipalityCode|municipalityCode \"abc\" er ikke en kommunekode. Brug en af de 98 koder fra /api/v1/municipalities, fx 101.",
            "/api/v1/services?municipalityCode=999|municipalityCode|municipalityCode \"999\" er ikke en kommunekode. Brug en af de 98 koder fra /api/v1/municipalities, fx 101.",
            "/api/v1/services?topic=findes-ikke|topic|topic \"findes-ikke\" er ikke et emne. Brug et slug fra /api/v1/topics.",
            "/api/v1/services?page=-1|page|page \"-1\" skal være et helt tal fra 0 og op.",
            "/api/v1/services?size=500|size|size \"500\" skal være et helt tal fra 1 til 100.",
            "/api/v1/services?size=x|size|size \"x\" skal være et helt tal fra 1 til 100.",
            "/api/v1/services/x?municipalityCode=1|municipalityCode|municipalityCode \"1\" er ikke en kommunekode. Brug en af de 98 koder fra /api/v1/municipalities, fx 101."})
    void answersBadParametersWithADanishProblemNamingTheParameter(String uri, String field, String message) {
        String expected = """
                {"type": "about:blank", "title": "Ugyldig forespørgsel", "status": 400, "detail": "%s",
                 "instance": "%s", "errors": [{"field": "%s", "message": "%s"}]}"""
                .formatted(message.replace("\"", "\\\""), uri.substring(0, uri.indexOf('?')), field,
                        message.replace("\"", "\\\""));
        assertThat(mvc.get().uri(uri)).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isStrictlyEqualTo(expected);
    }

    @Test
    void answersAnUnknownServiceWithA404Problem() {
        assertThat(mvc.get().uri("/api/v1/services/findes-ikke")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Findes ikke", "status": 404,
                         "detail": "Det, du spørger efter, findes ikke.", "instance": "/api/v1/services/findes-ikke"}""");
    }
}
