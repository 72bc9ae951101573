package dk.selvbetjening.municipallink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.Completeness;
import dk.selvbetjening.municipallink.LinkCounts;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import dk.selvbetjening.shared.SystemPrincipal;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The completeness matrix and its CSV export on a known data set of its own: two published municipal
 * self-services (one with a present, a missing and a broken link), a national one and a municipal draft.
 */
@SpringBootTest
@SeparateDatabase("municipallink-api")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MunicipalLinkApiControllerTests {

    static final Instant CHECKED = Instant.parse("2026-05-04T08:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    SelfServiceService services;

    String national;
    String draft;
    String pasningUpdatedAt;

    @BeforeAll
    void publishTheDataSet() {
        var owner = data.stateAuthority().id();
        data.publish(named(SelfServiceFixtures.aMunicipalSelfService(owner), "pasning-i-kommunen", "Pasning i kommunen"),
                Map.of(101, "https://www.kk.dk/pasning", 147, "", 461, "https://odense.dk/pasning"));
        data.publish(named(SelfServiceFixtures.aMunicipalSelfService(owner), "beboerparkering", "Beboerparkering"), Map.of());
        national = data.publishedNational("https://www.borger.dk/national").slug();
        draft = SystemPrincipal.call(() -> services.add(SelfServiceFixtures.aMunicipalSelfService(owner))).slug();
        SystemPrincipal.run(() -> links.markChecked("https://odense.dk/pasning", true, CHECKED));
        pasningUpdatedAt = links.link("pasning-i-kommunen", 461).orElseThrow().updatedAt().toString();
    }

    static NewSelfService named(NewSelfService s, String slug, String title) {
        return new NewSelfService(slug, title, s.shortDescription(), s.kind(), s.scope(), s.url(), s.formReturn(),
                s.authorityId(), s.supplierName(), s.supplierEmail(), s.loginMethod(), s.mandatoryWave(), s.kleNumber(),
                s.topics(), s.keywords(), false);
    }

    @Test
    void listsAMunicipalitysLinksWithTheirStatus() {
        assertThat(mvc.get().uri("/api/v1/municipal-links?municipalityCode=0461")).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("""
                        {"items": [
                          {"municipalityCode": 461, "municipalityName": "Odense", "service": "beboerparkering",
                           "serviceTitle": "Beboerparkering", "url": null, "title": null, "status": "MISSING",
                           "lastCheckedAt": null, "updatedAt": null},
                          {"municipalityCode": 461, "municipalityName": "Odense", "service": "pasning-i-kommunen",
                           "serviceTitle": "Pasning i kommunen", "url": "https://odense.dk/pasning", "title": null,
                           "status": "BROKEN", "lastCheckedAt": "2026-05-04T08:00:00Z", "updatedAt": "%s"}],
                         "page": 0, "size": 100, "totalItems": 2}""".formatted(pasningUpdatedAt));
    }

    @Test
    void filtersByServiceAndStatusAndPagesThroughTheMatrix() {
        assertThat(mvc.get().uri("/api/v1/municipal-links?service=pasning-i-kommunen&status=present")).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].municipalityCode").isEqualTo(java.util.List.of(101));
        assertThat(mvc.get().uri("/api/v1/municipal-links?service=pasning-i-kommunen&status=MISSING")).bodyJson()
                .extractingPath("$.totalItems").isEqualTo(96);
        assertThat(mvc.get().uri("/api/v1/municipal-links?service=beboerparkering&size=2&page=1")).bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"municipalityCode": 151, "municipalityName": "Ballerup"},
                                   {"municipalityCode": 153, "municipalityName": "Brøndby"}],
                         "page": 1, "size": 2, "totalItems": 98}""");
        assertThat(mvc.get().uri("/api/v1/municipal-links?size=1000")).bodyJson().extractingPath("$.totalItems")
                .as("the draft and the national self-service are not in the matrix").isEqualTo(196);
    }

    @Test
    void sumsUpCompletenessPerServiceAndPerMunicipality() {
        Completeness completeness = links.completeness();
        assertThat(completeness.total()).isEqualTo(new LinkCounts(1, 194, 1));
        assertThat(completeness.services()).extracting(Completeness.ServiceRow::slug, Completeness.ServiceRow::counts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("beboerparkering", new LinkCounts(0, 98, 0)),
                        org.assertj.core.groups.Tuple.tuple("pasning-i-kommunen", new LinkCounts(1, 96, 1)));
        assertThat(completeness.municipalities()).hasSize(98);

        assertThat(mvc.get().uri("/api/v1/municipal-links/completeness")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"total": {"present": 1, "missing": 194, "broken": 1},
                         "services": [
                           {"service": "beboerparkering", "title": "Beboerparkering", "present": 0, "missing": 98, "broken": 0},
                           {"service": "pasning-i-kommunen", "title": "Pasning i kommunen", "present": 1, "missing": 96, "broken": 1}]}""");
        assertThat(mvc.get().uri("/api/v1/municipal-links/completeness")).bodyJson().extractingPath("$.municipalities[0:2]")
                .isEqualTo(java.util.List.of(
                        Map.of("municipalityCode", 101, "name", "København", "present", 1, "missing", 1, "broken", 0),
                        Map.of("municipalityCode", 147, "name", "Frederiksberg", "present", 0, "missing", 2, "broken", 0)));
        assertThat(mvc.get().uri("/api/v1/municipal-links/completeness")).bodyJson()
                .extractingPath("$.municipalities[?(@.municipalityCode == 461)]")
                .isEqualTo(java.util.List.of(Map.of("municipalityCode", 461, "name", "Odense", "present", 0,
                        "missing", 1, "broken", 1)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "municipalityCode|999|municipalityCode \"999\" er ikke en kommunekode. Brug en af de 98 koder fra /api/v1/municipalities, fx 101.",
            "municipalityCode|abc|municipalityCode \"abc\" er ikke en kommunekode. Brug en af de 98 koder fra /api/v1/municipalities, fx 101.",
            "service|findes-ikke|service \"findes-ikke\" er ikke en udgivet kommunal selvbetjening. Brug et slug fra /api/v1/services med scope MUNICIPAL.",
            "status|OK|status \"OK\" er ikke en status. Brug PRESENT, MISSING eller BROKEN.",
            "size|0|size \"0\" skal være et helt tal fra 1 til 1.000.",
            "page|-1|page \"-1\" skal være et helt tal fra 0 og op."})
    void aBadParameterIsAProblemNamingItInDanish(String parameter, String value, String message) {
        assertThat(mvc.get().uri("/api/v1/municipal-links?" + parameter + "=" + value))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Ugyldig forespørgsel", "status": 400, "detail": "%s",
                         "instance": "/api/v1/municipal-links", "errors": [{"field": "%s", "message": "%s"}]}"""
                        .formatted(message.replace("\"", "\\\""), parameter, message.replace("\"", "\\\"")));
    }

    @Test
    void nationalAndDraftServicesAreNoFilterForMunicipalLinks() {
        assertThat(mvc.get().uri("/api/v1/municipal-links?service=" + national)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/municipal-links/export?service=" + draft)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("service");
    }

    @Test
    void exportsAMunicipalitysLinksAsCsvForDanishExcel() {
        MvcTestResult result = mvc.get().uri("/api/v1/municipal-links/export?municipalityCode=461").exchange();
        assertThat(result).hasStatusOk()
                .hasHeader("Content-Type", "text/csv;charset=UTF-8")
                .hasHeader("Content-Disposition", "attachment; filename=\"kommunelinks-461.csv\"");
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "Kommunekode;Kommune;Selvbetjening;Selvbetjeningens navn;Titel;URL;Status;Senest tjekket;Ny URL\r\n"
                        + "461;Odense;beboerparkering;Beboerparkering;;;Mangler;;\r\n"
                        + "461;Odense;pasning-i-kommunen;Pasning i kommunen;;https://odense.dk/pasning;Virker ikke;2026-05-04 10:00;\r\n");
    }

    @Test
    void exportsASolutionsLinksInEveryMunicipality() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/municipal-links/export?service=pasning-i-kommunen").exchange();
        assertThat(result).hasStatusOk()
                .hasHeader("Content-Disposition", "attachment; filename=\"kommunelinks-pasning-i-kommunen.csv\"");
        String[] lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(99);
        assertThat(lines[1]).isEqualTo("101;København;pasning-i-kommunen;Pasning i kommunen;;https://www.kk.dk/pasning;Findes;;");
        assertThat(lines[2]).isEqualTo("147;Frederiksberg;pasning-i-kommunen;Pasning i kommunen;;;Mangler;;");
    }
}
