package dk.selvbetjening.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.usage.StartCounterProbe;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Persistence and citizen flows that must behave the same on H2 and on PostgreSQL: every migration, the demo
 * content, the in-memory read path and its invalidation, start counting, and the database's own constraints. Changes
 * made here without a request are made as the application itself ({@link SystemPrincipal}), as its jobs make them.
 */
abstract class CitizenFlowContract {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    SelfServiceService services;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    StartCounterProbe starts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    dk.selvbetjening.account.AccountFixtures accounts;

    @Autowired
    dk.selvbetjening.authority.AuthorityService authorities;

    @Autowired
    dk.selvbetjening.notification.MailOutbox outbox;

    @Autowired
    dk.selvbetjening.actionpage.ActionPageService actionPages;

    @Test
    void anActionPageIsRevisedComparedRestoredAndGoesLiveOnSchedule() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/revision");
        var text = PortalTestData.anActionPage("Meld revision");
        int draft = SystemPrincipal.call(() -> actionPages.saveDraft(service.id(),
                new dk.selvbetjening.actionpage.ActionPageContent("Meld revision", "Den nye tekst om revision.",
                        text.beforeYouStart(), null, null, text.alternatives(), text.afterwards(), null,
                        "Lov om revision.", "Gratis.", null, null)));
        assertThat(actionPages.diff(service.id(), 1, draft)).anyMatch(d -> d.field().equals("intro") && d.changed());
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).bodyText()
                .doesNotContain("Den nye tekst om revision.");

        SystemPrincipal.run(() -> actionPages.schedule(service.id(), clock.instant().plusSeconds(3600)));
        // The hour passes: the stored go-live time is moved into the past, as the clock would have it.
        jdbc.sql("UPDATE action_page SET go_live_at = :at WHERE self_service_id = :id")
                .param("at", java.sql.Timestamp.from(clock.instant().minusSeconds(1))).param("id", service.id()).update();
        assertThat(actionPages.dueForGoLive()).contains(service.id());
        assertThat(SystemPrincipal.call(() -> actionPages.goLive(service.id()))).isTrue();
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).bodyText()
                .contains("Den nye tekst om revision.").contains("Lov om revision.");

        int restored = SystemPrincipal.call(() -> actionPages.restore(service.id(), 1));
        SystemPrincipal.run(() -> actionPages.publish(service.id()));
        assertThat(actionPages.revisions(service.id())).hasSize(3).first()
                .satisfies(r -> assertThat(r.restoredFrom()).isEqualTo(1))
                .satisfies(r -> assertThat(r.number()).isEqualTo(restored));
        assertThat(mvc.get().uri("/handlingsside/" + service.slug())).bodyText()
                .doesNotContain("Den nye tekst om revision.");
    }

    @Test
    void migratesReferenceDataAndLoadsTheDemoCatalogue() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM municipality").query(Long.class).single()).isEqualTo(98);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM region").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM topic").query(Long.class).single()).isEqualTo(17);
        assertThat(mvc.get().uri("/api/v1/services?size=100")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.totalItems", v -> v.assertThat().asNumber().satisfies(
                        n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(25)));
    }

    @Test
    void aCitizenChoosesAMunicipalityAndStartsItsSolution() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/flow", 461, ""));
        assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "?kommunekode=0101")).hasStatusOk()
                .bodyText().contains("Din kommune: København.");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=101"))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "https://www.kk.dk/flow");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=461"))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location",
                        "/handlingsside/" + service.slug() + "?kommunekode=461#start");
    }

    @Test
    void aChangedLinkIsServedAfterItsTransactionCommits() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(751, "https://aarhus.dk/old"));
        String start = "/handlingsside/" + service.slug() + "/start?kommunekode=751";
        assertThat(mvc.get().uri(start)).hasHeader("Location", "https://aarhus.dk/old");
        SystemPrincipal.run(() -> links.setLink(service.id(), 751, "https://aarhus.dk/new", "Ny side"));
        assertThat(mvc.get().uri(start)).hasHeader("Location", "https://aarhus.dk/new");
    }

    @Test
    void startCountsAddUpAcrossFlushes() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/flow");
        LocalDate today = LocalDate.now(clock);
        mvc.get().uri("/handlingsside/" + service.slug() + "/start").exchange();
        mvc.get().uri("/handlingsside/" + service.slug() + "/start").exchange();
        starts.flush();
        mvc.get().uri("/handlingsside/" + service.slug() + "/start").exchange();
        starts.flush();
        assertThat(starts.writtenFrom(service.id(), 0, today)).isEqualTo(3);
    }

    @Test
    void theDatabaseRefusesStatesTheCodeWouldNeverWrite() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/check");
        assertThatThrownBy(() -> jdbc.sql("UPDATE self_service SET status = 'DELETED' WHERE id = :id")
                .param("id", service.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE self_service SET mandatory_wave = 5 WHERE id = :id")
                .param("id", service.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO municipal_link (id, self_service_id, municipality_code, url, "
                        + "updated_at) VALUES (:id, :service, 999, NULL, CURRENT_TIMESTAMP)")
                .param("id", UUID.randomUUID()).param("service", service.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aConnectionRequestIsSubmittedReviewedAndPublished() throws Exception {
        var owner = authorities.register(dk.selvbetjening.authority.AuthorityFixtures.aStateAuthority("Flowstyrelsen"));
        var editor = accounts.editor();
        var submitted = mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content("""
                        {"kind": "NEW", "title": "Søg om flowtilskud", "url": "https://flow.example.dk/tilskud",
                         "shortDescription": "Søg om tilskud.", "supplierName": "Flow A/S",
                         "supplierEmail": "flow@leverandoer.dk", "authority": "%s", "topics": ["aeldre"],
                         "actionPage": {"title": "Søg om flowtilskud", "intro": "Her søger du om tilskud.",
                                        "beforeYouStart": ["Du skal bruge MitID."]}}"""
                        .formatted(owner.cvrNumber())).exchange();
        assertThat(submitted).hasStatus(HttpStatus.CREATED);
        String reference = submitted.getResponse().getHeader("Location").replaceAll(".*/", "");
        for (String action : new String[] {"take", "approve", "publish"}) {
            String etag = mvc.get().uri("/api/v1/connection-requests/" + reference)
                    .header("Authorization", editor.basic()).exchange().getResponse().getHeader("ETag");
            assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/" + action)
                    .header("Authorization", editor.basic()).header("If-Match", etag)).hasStatusOk();
        }
        String slug = "soeg-om-flowtilskud";
        assertThat(mvc.get().uri("/handlingsside/" + slug)).hasStatusOk().bodyText().contains("Søg om flowtilskud");
        assertThat(outbox.to("flow@leverandoer.dk")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aCsvImportWritesItsRowsInBatchesAndCitizensLandOnTheNewLinks() {
        java.util.List<SelfServiceDetails> imported = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            imported.add(data.publishedMunicipal(Map.of(751, "https://aarhus.dk/csv-gammel-" + i)));
        }
        StringBuilder file = new StringBuilder("\uFEFFKommunekode;Selvbetjening;Ny URL\r\n");
        for (SelfServiceDetails service : imported) {
            for (var municipality : authorities.municipalities()) {
                file.append(municipality.code()).append(';').append(service.slug()).append(";https://csv.example.dk/")
                        .append(service.slug()).append('/').append(municipality.code()).append("\r\n");
            }
        }
        var response = mvc.post().uri("/api/v1/municipal-links/import").header("Authorization", accounts.editor().basic())
                .multipart().file(new org.springframework.mock.web.MockMultipartFile("file", "alle.csv", "text/csv",
                        file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))).exchange();
        assertThat(response).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"applied": true, "counts": {"rows": 1078, "changed": 1078, "unchanged": 0, "errors": 0}}""");
        SelfServiceDetails last = imported.get(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM municipal_link WHERE url LIKE 'https://csv.example.dk/%'")
                .query(Long.class).single()).isEqualTo(1078);
        assertThat(jdbc.sql("SELECT version FROM municipal_link WHERE self_service_id = :id AND municipality_code = 751")
                .param("id", last.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(mvc.get().uri("/handlingsside/" + last.slug() + "/start?kommunekode=751")).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", "https://csv.example.dk/" + last.slug() + "/751");
        assertThat(mvc.get().uri("/handlingsside/" + last.slug() + "/start?kommunekode=101"))
                .hasHeader("Location", "https://csv.example.dk/" + last.slug() + "/101");

        assertThat(SystemPrincipal.call(() -> links.markChecked("https://csv.example.dk/" + last.slug() + "/101", true,
                java.time.Instant.parse("2026-05-04T08:00:00Z")))).isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/municipal-links?municipalityCode=101&service=" + last.slug())).bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"status": "BROKEN", "lastCheckedAt": "2026-05-04T08:00:00Z"}]}""");
    }

    @Autowired
    dk.selvbetjening.compliance.AssessmentService assessments;


    @Test
    void aWaveSolutionIsAssessedRefusedExemptedPublishedAndSignedOff() {
        var owner = authorities.register(dk.selvbetjening.authority.AuthorityFixtures.aStateAuthority("Kravstyrelsen"));
        var authorityEditor = accounts.authorityEditor(owner.id());
        var editor = accounts.editor();
        SelfServiceDetails service = SystemPrincipal.call(() -> services.add(
                dk.selvbetjening.catalogue.SelfServiceFixtures.aWaveSelfService(owner.id(), "https://www.borger.dk/krav", 2)));
        SystemPrincipal.run(() -> actionPages.write(service.id(), PortalTestData.anActionPage(service.title())));
        String uri = "/api/v1/services/" + service.slug() + "/assessment";

        StringBuilder answers = new StringBuilder("{\"answers\": [");
        jdbc.sql("SELECT requirement_number FROM requirement WHERE retired = FALSE ORDER BY area, item_number")
                .query(String.class).list().forEach(number -> answers.append("{\"requirement\": \"").append(number)
                        .append("\", \"status\": \"").append(number.equals("4.2") ? "NOT_MET" : "MET")
                        .append("\"},"));
        answers.setLength(answers.length() - 1);
        answers.append("]}");
        String etag = mvc.get().uri(uri).header("Authorization", authorityEditor.basic()).exchange().getResponse()
                .getHeader("ETag");
        assertThat(mvc.put().uri(uri).header("Authorization", authorityEditor.basic()).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).content(answers.toString())).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"mayPublish": false, "signOffState": "FAILING",
                         "missing": ["Krav 4.2 Kan bruges med tastatur alene: ikke opfyldt"]}""");
        assertThatThrownBy(() -> SystemPrincipal.call(() -> services.publish(service.id())))
                .isInstanceOf(dk.selvbetjening.catalogue.PublicationRefusedException.class);
        assertThat(mvc.get().uri(uri)).hasStatus(HttpStatus.NOT_FOUND);

        accounts.runAs(editor, () -> assessments.grantExemption(service.id(), "Tastaturrettelsen kommer i næste udgave.",
                LocalDate.now(clock).plusDays(30)));
        assertThat(SystemPrincipal.call(() -> services.publish(service.id())).status().name()).isEqualTo("PUBLISHED");
        assertThat(mvc.post().uri("/redaktion/vurderinger/" + service.slug() + "/klarmeld")
                .with(authorityEditor.login()).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(mvc.get().uri(uri)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"mayPublish": true, "signOffState": "SIGNED_OFF", "exemption": {"validUntil": "%s"}}"""
                .formatted(LocalDate.now(clock).plusDays(30)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'vurdering' AND subject_id = :id")
                .param("id", service.id().toString()).query(Long.class).single()).isEqualTo(3);
        assertThatThrownBy(() -> jdbc.sql("UPDATE readiness_sign_off SET sign_off_year = 1999").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE assessment_answer SET review = 'MAYBE'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM readiness_sign_off").query(Long.class).single())
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void aSlugIsTakenOnce() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/once");
        assertThatThrownBy(() -> jdbc.sql("UPDATE self_service SET slug = (SELECT slug FROM self_service WHERE id = :id) "
                        + "WHERE id <> :id")
                .param("id", service.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }
}
