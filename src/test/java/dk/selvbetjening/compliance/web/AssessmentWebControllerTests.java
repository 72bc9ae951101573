package dk.selvbetjening.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.compliance.AnswerReview;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.compliance.ComplianceTestClock;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The backoffice's assessment and catalogue pages, per role: who sees, answers, reviews and signs off what. */
@SpringBootTest(properties = "test.context=compliance")
@AutoConfigureMockMvc
@Import(ComplianceTestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ComplianceFixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    RequirementCatalogue catalogue;

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
    void anonymousVisitorsAreSentToTheLogin() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 1);
        assertThat(mvc.get().uri("/redaktion/vurderinger/" + service.slug())).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/redaktion/log-ind");
        assertThat(mvc.get().uri("/redaktion/klarmelding")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void theOwningAuthorityAnswersAndOthersAreToldItDoesNotExist() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 1);
        String page = "/redaktion/vurderinger/" + service.slug();
        assertThat(mvc.get().uri(page).with(otherAuthorityEditor.login())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri(page + "/udfyld").with(otherAuthorityEditor.login()).with(csrf())
                .param("status_1.1", "MET")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(page).with(ownerEditor.login())).hasStatusOk().bodyText()
                .contains("Nej. 24 krav mangler:").contains("Udfyld vurderingen")
                .contains("Ikke verificeret ordlyd").doesNotContain("Bekræft svaret");
        assertThat(mvc.get().uri(page + "/udfyld").with(ownerEditor.login())).hasStatusOk();

        assertThat(mvc.post().uri(page + "/udfyld").with(ownerEditor.login()).with(csrf()).param("version", "-1")
                .param("status_1.1", "MET").param("justification_1.1", "Skrevet efter vejledningen.")
                .param("status_3.4", "NOT_RELEVANT").param("justification_3.4", " "))
                .hasStatusOk().bodyText().contains("Fejl: Udfyld vurderingen").contains("href=\"#justification_3.4\"")
                .contains("Skriv, hvorfor kravet ikke er relevant.");
        assertThat(mvc.post().uri(page + "/udfyld").with(ownerEditor.login()).with(csrf()).param("version", "-1")
                .param("status_1.1", "MET").param("justification_1.1", "Skrevet efter vejledningen."))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(accounts.runAs(ownerEditor, () -> assessments.forAccount(service.slug())).answered()).isEqualTo(1);
        assertThat(mvc.post().uri(page + "/udfyld").with(ownerEditor.login()).with(csrf()).param("version", "-1")
                .param("status_1.2", "MET")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void onlyEditorsReviewAnswersAndGrantExemptions() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 2);
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        String page = "/redaktion/vurderinger/" + service.slug();
        assertThat(mvc.post().uri(page + "/krav/2.10/gennemgaa").with(ownerEditor.login()).with(csrf())
                .param("outcome", "bekraeft")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(page + "/dispensation").with(ownerEditor.login()).with(csrf())
                .param("reason", "Vi vil gerne.").param("validUntil", "31-12-2026")).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(mvc.post().uri(page + "/krav/2.10/gennemgaa").with(editor.login()).with(csrf())
                .param("outcome", "spoerg").param("note", "")).hasStatusOk().bodyText()
                .contains("Skriv dit spørgsmål.");
        assertThat(mvc.post().uri(page + "/krav/2.10/gennemgaa").with(editor.login()).with(csrf())
                .param("outcome", "spoerg").param("note", "Hvor er rapporten?")).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(accounts.runAs(editor, () -> assessments.forAccount(service.slug())).rows().get(14).answer().review())
                .isEqualTo(AnswerReview.QUESTIONED);
        assertThat(mvc.post().uri(page + "/dispensation").with(editor.login()).with(csrf())
                .param("reason", "Rapporten kommer i juli.").param("validUntil", "31-7-2026"))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(mvc.post().uri(page + "/dispensation").with(editor.login()).with(csrf())
                .param("reason", "Igen.").param("validUntil", "i morgen")).hasStatusOk().bodyText()
                .contains("Skriv en dato som 31-12-2027.");
        assertThat(mvc.get().uri(page).with(ownerEditor.login())).bodyText()
                .contains("Ja, med dispensation til og med 31. juli 2026.").contains("Hvor er rapporten?");
    }

    @Test
    void signingOffNeedsEveryRequirementAndIsForTheOwningAuthority() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 3);
        String page = "/redaktion/vurderinger/" + service.slug();
        assertThat(mvc.post().uri(page + "/klarmeld").with(ownerEditor.login()).with(csrf()))
                .hasStatus(HttpStatus.CONFLICT).bodyText().contains("Selvbetjeningen kan ikke klarmeldes")
                .contains("Krav 4.5 Gør formularer og fejl tilgængelige: ikke besvaret");
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        assertThat(mvc.post().uri(page + "/klarmeld").with(otherAuthorityEditor.login()).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri(page + "/klarmeld").with(ownerEditor.login()).with(csrf()))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(mvc.get().uri(page).with(ownerEditor.login())).bodyText().contains("Klarmeldt af " + ownerEditor.email());
    }

    @Test
    void theCatalogueIsReadByAllAndChangedByEditors() {
        assertThat(mvc.get().uri("/redaktion/krav").with(ownerEditor.login())).hasStatusOk().bodyText()
                .contains("Bestå den fællesoffentlige brugertest").contains("Ikke verificeret ordlyd")
                .doesNotContain("Tilføj kravet");
        assertThat(mvc.get().uri("/redaktion/krav/2.10").with(ownerEditor.login())).hasStatusOk().bodyText()
                .doesNotContain("Gem ny ordlyd");
        assertThat(mvc.post().uri("/redaktion/krav/4.1/verificer").with(ownerEditor.login()).with(csrf())
                .param("version", "0")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/redaktion/krav/4.1").with(editor.login())).hasStatusOk().bodyText()
                .contains("Gem ny ordlyd").contains("Marker ordlyden som verificeret");
        assertThat(mvc.post().uri("/redaktion/krav/4.1").with(editor.login()).with(csrf()).param("version", "99")
                .param("title", "Ny").param("wording", "Ny.")).hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/redaktion/krav/9.9").with(editor.login())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(catalogue.version()).isEqualTo(1);
    }
}
