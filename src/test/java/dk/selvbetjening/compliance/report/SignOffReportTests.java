package dk.selvbetjening.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.compliance.ComplianceTestClock;
import dk.selvbetjening.compliance.SignOffRefusedException;
import dk.selvbetjening.compliance.SignOffState;
import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The readiness sign-off's figures on a known data set of its own: six mandatory solutions of two authorities in
 * three waves, signed off this year, last year, pending, failing and exempted; and one solution that is not mandatory.
 * The tests that read the figures run before those that add solutions.
 */
@ActingAsSystem
@SpringBootTest(properties = "test.context=compliance-report")
@AutoConfigureMockMvc
@Import(ComplianceTestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignOffReportTests {

    @Autowired
    ComplianceFixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    SelfServiceService services;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    SignOffCsv csv;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvcTester mvc;

    AuthorityDetails alfa;
    AuthorityDetails beta;
    TestAccount alfaEditor;
    TestAccount betaEditor;

    @BeforeAll
    void theDataSet() {
        alfa = authorities.register(AuthorityFixtures.aStateAuthority("Alfastyrelsen"));
        beta = authorities.register(AuthorityFixtures.aStateAuthority("Betastyrelsen"));
        alfaEditor = accounts.authorityEditor(alfa.id());
        betaEditor = accounts.authorityEditor(beta.id());

        clock.set(Instant.parse("2025-11-03T09:00:00Z"));
        SelfServiceDetails signedLastYear = fixtures.publishedWave(beta.id(), 2);
        accounts.runAs(betaEditor, () -> assessments.signOff(signedLastYear.id()));

        clock.set(ComplianceTestClock.START);
        SelfServiceDetails signedThisYear = fixtures.publishedWave(alfa.id(), 1);
        accounts.runAs(alfaEditor, () -> assessments.signOff(signedThisYear.id()));
        fixtures.publishedWave(alfa.id(), 3);
        fixtures.waveDraft(alfa.id(), 3);
        SelfServiceDetails exempted = fixtures.waveDraft(beta.id(), 1);
        SystemPrincipal.run(() -> assessments.grantExemption(exempted.id(), "Ny løsning på vej.",
                LocalDate.of(2026, 12, 31)));
        SelfServiceDetails lapsed = fixtures.publishedWave(beta.id(), 2);
        accounts.runAs(betaEditor, () -> assessments.signOff(lapsed.id()));
        fixtures.answer(lapsed.id(), "2.6", AnswerStatus.NOT_MET, "Kvitteringen er fjernet ved en fejl.");
        fixtures.draft(SelfServiceFixtures.aMunicipalSelfService(alfa.id()));
    }

    @Test
    @Order(1)
    void countsThisYearPerAuthorityPerWaveAndInAll() {
        SignOffReport report = assessments.report(2026);
        assertThat(report.byAuthority()).containsExactly(
                new SignOffGroup("Alfastyrelsen", 1, 1, 1),
                new SignOffGroup("Betastyrelsen", 0, 2, 1));
        assertThat(report.byWave()).containsExactly(
                new SignOffGroup("Bølge 1", 1, 1, 0),
                new SignOffGroup("Bølge 2", 0, 1, 1),
                new SignOffGroup("Bølge 3", 0, 1, 1));
        assertThat(report.total()).isEqualTo(new SignOffGroup("I alt", 1, 3, 2));
        assertThat(report.total().percentSignedOff()).isEqualTo(16);
        assertThat(report.rows()).filteredOn(r -> r.state() == SignOffState.FAILING)
                .extracting(r -> r.missing().get(0)).contains(
                        "Krav 2.6 Afslut med en kvittering: ikke opfyldt",
                        "Krav 1.1 Følg gældende skrivevejledninger: ikke besvaret");
    }

    @Test
    @Order(2)
    void countsLastYearAgainstLastYearsSignOffs() {
        SignOffReport report = assessments.report(2025);
        assertThat(report.byAuthority()).containsExactly(
                new SignOffGroup("Alfastyrelsen", 0, 2, 1),
                new SignOffGroup("Betastyrelsen", 1, 1, 1));
        assertThat(report.total()).isEqualTo(new SignOffGroup("I alt", 1, 3, 2));
    }

    @Test
    @Order(5)
    void anAuthorityEditorSeesAndSignsOffOnlyTheOwnSolutions() {
        SignOffReport own = accounts.runAs(alfaEditor, () -> assessments.report(2026));
        assertThat(own.rows()).extracting(SignOffRow::authorityName).containsOnly("Alfastyrelsen").hasSize(3);
        SelfServiceDetails betas = fixtures.publishedWave(beta.id(), 4);
        assertThatThrownBy(() -> accounts.runAs(alfaEditor, () -> assessments.signOff(betas.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.runAs(accounts.editor(), () -> assessments.signOff(betas.id())).signOffState())
                .isEqualTo(SignOffState.SIGNED_OFF);
    }

    @Test
    @Order(6)
    void aFailingSolutionCannotBeSignedOff() {
        SelfServiceDetails failing = fixtures.waveDraft(alfa.id(), 2);
        assertThatThrownBy(() -> accounts.runAs(alfaEditor, () -> assessments.signOff(failing.id())))
                .isInstanceOfSatisfying(SignOffRefusedException.class, e -> assertThat(e.reasons()).hasSize(24));
    }

    @Test
    @Order(3)
    void writesTheCsvForDanishExcel() {
        byte[] file = csv.write(assessments.report(2025));
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("År;Myndighed;Bølge;Selvbetjening;Adresse;Status;Klarmeldt af;Klarmeldt den;"
                + "Dispensation til og med;Mangler");
        assertThat(lines).hasSize(8);
        assertThat(lines[7]).isEmpty();
        assertThat(lines[1]).startsWith("2025;Alfastyrelsen;");
        assertThat(text).contains(";Klarmeldt;" + betaEditor.email() + ";03-11-2025;;")
                .contains(";31-12-2026;").doesNotContain("\n\n");
    }

    @Test
    @Order(4)
    void showsTheReportWithFiguresAsTextAndAPrintablePageWithoutNavigation() {
        TestAccount editor = accounts.editor();
        assertThat(mvc.get().uri("/redaktion/klarmelding?aar=2026").with(editor.login())).hasStatusOk().bodyText()
                .contains("1 klarmeldt, 3 afventer og 2 opfylder ikke kravene af i alt 6.")
                .contains("Alfastyrelsen: 1 af 3 klarmeldt");
        assertThat(mvc.get().uri("/redaktion/klarmelding/udskriv?aar=2026").with(editor.login())).hasStatusOk()
                .bodyText().contains("Klarmelding 2026").doesNotContain("Log ud").doesNotContain("Tilslutninger");
        assertThat(mvc.get().uri("/redaktion/klarmelding.csv?aar=2026").with(editor.login())).hasStatusOk()
                .hasContentType("text/csv;charset=UTF-8")
                .hasHeader("Content-Disposition", "attachment; filename=\"klarmelding-2026.csv\"");
        assertThat(mvc.get().uri("/redaktion/klarmelding?aar=tyve").with(editor.login())).hasStatus4xxClientError();
    }

}
