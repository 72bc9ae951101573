package dk.selvbetjening.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.compliance.ComplianceTestClock;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The requirements and assessments in the JSON API: the public reads requirements and the assessments of published
 * solutions; the owning authority's editors and editors read unpublished ones and record answers (If-Match).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ComplianceTestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceApiControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ComplianceFixtures fixtures;

    @Autowired
    SelfServiceService services;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    UUID owner;
    TestAccount ownerEditor;
    TestAccount otherAuthorityEditor;
    TestAccount editor;

    @BeforeAll
    void accounts() {
        owner = data.stateAuthority().id();
        ownerEditor = accounts.authorityEditor(owner);
        otherAuthorityEditor = accounts.authorityEditor(data.stateAuthority().id());
        editor = accounts.editor();
    }

    @Test
    void listsTheRequirementsInForceWithTheirNumberAsIdAndWhetherTheWordingIsVerified() throws IOException {
        assertThat(mvc.get().uri("/api/v1/requirements")).hasStatusOk().bodyJson()
                .isStrictlyEqualTo(resource("requirements-v1.json"));
    }

    private static java.util.Map<String, Object> map(Object... keysAndValues) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private String resource(String name) throws IOException {
        return new String(getClass().getResourceAsStream(name).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void showsThePublicTheAssessmentOfAPublishedSolution() throws IOException {
        SelfServiceDetails service = fixtures.draft(named("soeg-om-api-tilskud", "Søg om API-tilskud", 3));
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        fixtures.answer(service.id(), "3.4", AnswerStatus.NOT_RELEVANT, "Kun borgeren selv kan søge.");
        SystemPrincipal.run(() -> services.publish(service.id()));
        fixtures.answer(service.id(), "2.10", AnswerStatus.PARTLY_MET, "Testen er i gang.");

        MvcTestResult result = mvc.get().uri("/api/v1/services/soeg-om-api-tilskud/assessment").exchange();
        assertThat(result).hasStatusOk().hasHeader("Cache-Control", "no-cache");
        assertThat(result).bodyJson().isStrictlyEqualTo(resource("assessment-published.json"));
    }

    @Test
    void answersTheWholeAssessmentBody() {
        SelfServiceDetails service = fixtures.draft(named("soeg-om-hel-vurdering", "Søg om hel vurdering", 1));
        assertThat(mvc.get().uri("/api/v1/services/soeg-om-hel-vurdering/assessment")
                .header("Authorization", ownerEditor.basic())).hasStatusOk().hasHeader("ETag", "\"-1\"");
        var put = mvc.put().uri("/api/v1/services/" + service.slug() + "/assessment")
                .header("Authorization", ownerEditor.basic()).header("If-Match", "\"-1\"")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"answers": [{"requirement": "2.2", "status": "MET", "justification": "Handlingssiden forbereder.",
                                      "evidenceUrl": "https://www.example-styrelse.dk/handlingsside"}]}""").exchange();
        assertThat(put).hasStatusOk();
        String etag = put.getResponse().getHeader("ETag");
        assertThat(etag).isNotEqualTo("\"-1\"");
        assertThat(mvc.get().uri("/api/v1/services/soeg-om-hel-vurdering/assessment")
                .header("Authorization", ownerEditor.basic())).hasHeader("ETag", etag);
        assertThat(put).bodyJson().extractingPath("$.answers[6]").isEqualTo(map(
                "requirement", "2.2", "title", "Forbered brugerne, inden de går i gang", "verified", true,
                "state", "MET", "status", "MET", "justification", "Handlingssiden forbereder.",
                "evidenceUrl", "https://www.example-styrelse.dk/handlingsside", "currentWording", true,
                "review", "UNREVIEWED", "answeredAt", "2026-06-15T10:00:00Z", "reviewNote", null));
        assertThat(put).bodyJson().extractingPath("$.answers[7]").isEqualTo(map(
                "requirement", "2.3", "title", "Opbyg et logisk og konsekvent forløb", "verified", true,
                "state", "UNANSWERED", "status", null, "justification", null, "evidenceUrl", null,
                "currentWording", null, "review", null, "reviewNote", null, "answeredAt", null));
    }

    @Test
    void aPutNeedsTheCurrentETagInIfMatch() {
        SelfServiceDetails service = fixtures.draft(named("soeg-om-etag", "Søg om ETag", 2));
        String uri = "/api/v1/services/" + service.slug() + "/assessment";
        String body = """
                {"answers": [{"requirement": "1.1", "status": "MET"}]}""";
        assertThat(mvc.put().uri(uri).header("Authorization", ownerEditor.basic())
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.PRECONDITION_REQUIRED)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "If-Match mangler", "status": 428,
                         "detail": "Hent vurderingen først, og send dens ETag i If-Match.",
                         "instance": "%s"}""".formatted(uri));
        assertThat(mvc.put().uri(uri).header("Authorization", ownerEditor.basic()).header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.PRECONDITION_FAILED)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Vurderingen er ændret", "status": 412,
                         "detail": "Vurderingen er ændret, siden du hentede den. Hent den igen, og prøv igen.",
                         "instance": "%s"}""".formatted(uri));
    }

    @Test
    void refusesAnswersToFixWithTheFieldsNamed() {
        SelfServiceDetails service = fixtures.draft(named("soeg-om-fejl", "Søg om fejl", 2));
        assertThat(mvc.put().uri("/api/v1/services/" + service.slug() + "/assessment")
                .header("Authorization", editor.basic()).header("If-Match", "\"-1\"")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"answers": [{"requirement": "3.4", "status": "NOT_RELEVANT"},
                                     {"requirement": "9.9", "status": "MET"},
                                     {"requirement": "1.1", "status": "MAYBE"}]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Ret vurderingen", "status": 400, "detail": "Der er 1 fejl.",
                         "instance": "/api/v1/services/soeg-om-fejl/assessment",
                         "errors": [{"field": "status_1.1", "message": "Vælg, om kravet er opfyldt."}]}""");
        assertThat(mvc.put().uri("/api/v1/services/" + service.slug() + "/assessment")
                .header("Authorization", editor.basic()).header("If-Match", "\"-1\"")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"answers": [{"requirement": "3.4", "status": "NOT_RELEVANT"},
                                     {"requirement": "9.9", "status": "MET"},
                                     {"requirement": "4.4", "status": "MET", "evidenceUrl": "ftp://x"}]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Ret vurderingen", "status": 400, "detail": "Der er 3 fejl.",
                         "instance": "/api/v1/services/soeg-om-fejl/assessment",
                         "errors": [{"field": "justification_3.4", "message": "Skriv, hvorfor kravet ikke er relevant."},
                                    {"field": "requirement_9.9", "message": "Kravet findes ikke eller er udgået."},
                                    {"field": "evidence_4.4", "message": "Skriv en webadresse, der starter med https://"}]}""");
    }

    @Test
    void whoMayReadAndWriteAnAssessment() {
        SelfServiceDetails draft = fixtures.draft(named("soeg-om-kladde", "Søg om kladde", 4));
        SelfServiceDetails published = fixtures.publishedWave(owner, 4);
        String draftUri = "/api/v1/services/" + draft.slug() + "/assessment";
        String publishedUri = "/api/v1/services/" + published.slug() + "/assessment";

        assertThat(mvc.get().uri(draftUri)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(draftUri).header("Authorization", otherAuthorityEditor.basic()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(draftUri).header("Authorization", ownerEditor.basic())).hasStatusOk();
        assertThat(mvc.get().uri(draftUri).header("Authorization", editor.basic())).hasStatusOk();
        assertThat(mvc.get().uri(publishedUri)).hasStatusOk();

        String body = """
                {"answers": [{"requirement": "1.1", "status": "MET"}]}""";
        assertThat(mvc.put().uri(publishedUri).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(body)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.put().uri(publishedUri).header("Authorization", otherAuthorityEditor.basic())
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put().uri(draftUri).header("Authorization", otherAuthorityEditor.basic())
                .header("If-Match", "\"-1\"").contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(HttpStatus.NOT_FOUND);
        String etag = mvc.get().uri(publishedUri).exchange().getResponse().getHeader("ETag");
        assertThat(mvc.put().uri(publishedUri).header("Authorization", ownerEditor.basic())
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content(body)).hasStatusOk();
    }

    @Test
    void publishingAWaveSolutionByConnectionRequestIsRefusedWithWhatIsMissing() {
        SelfServiceDetails service = fixtures.draft(named("soeg-om-tilslutning", "Søg om tilslutning", 2));
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        fixtures.answer(service.id(), "4.3", AnswerStatus.NOT_MET, "Billeder mangler alternativ tekst.");
        String reference = submitExisting(service);
        for (String action : new String[] {"take", "approve"}) {
            assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/" + action)
                    .header("Authorization", editor.basic()).header("If-Match", etag(reference))).hasStatusOk();
        }
        MvcTestResult refused = mvc.post().uri("/api/v1/connection-requests/" + reference + "/publish")
                .header("Authorization", editor.basic()).header("If-Match", etag(reference)).exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Selvbetjeningen kan ikke udgives", "status": 409,
                         "detail": "Der mangler 1 ting. Se listen i missing.",
                         "instance": "/api/v1/connection-requests/%s/publish",
                         "missing": ["Krav 4.3 Virker med skærmlæser og forstørrelse: ikke opfyldt"]}""".formatted(reference));
        assertThat(services.byId(service.id()).status().name()).isEqualTo("DRAFT");

        fixtures.answer(service.id(), "4.3", AnswerStatus.MET, "Alternativ tekst er tilføjet.");
        assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/publish")
                .header("Authorization", editor.basic()).header("If-Match", etag(reference))).hasStatusOk();
        assertThat(services.byId(service.id()).status().name()).isEqualTo("PUBLISHED");
    }

    private String submitExisting(SelfServiceDetails service) {
        var submitted = mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind": "EXISTING", "existingServiceId": "%s", "title": "%s",
                         "url": "https://www.example-styrelse.dk/ny-adresse", "shortDescription": "Søg om tilskud.",
                         "supplierName": "Leverandøren A/S", "supplierEmail": "lev@leverandoer.dk",
                         "topics": ["bolig-og-flytning"]}""".formatted(service.id(), service.title())).exchange();
        assertThat(submitted).hasStatus(HttpStatus.CREATED);
        return submitted.getResponse().getHeader("Location").replaceAll(".*/", "");
    }

    private String etag(String reference) {
        return mvc.get().uri("/api/v1/connection-requests/" + reference).header("Authorization", editor.basic())
                .exchange().getResponse().getHeader("ETag");
    }

    private NewSelfService named(String slug, String title, int wave) {
        NewSelfService s = SelfServiceFixtures.aWaveSelfService(owner, "https://www.example-styrelse.dk/" + slug, wave);
        return new NewSelfService(slug, title, s.shortDescription(), s.kind(), s.scope(), s.url(), s.formReturn(),
                s.authorityId(), s.supplierName(), s.supplierEmail(), s.loginMethod(), s.mandatoryWave(),
                s.kleNumber(), s.topics(), s.keywords(), false);
    }
}
