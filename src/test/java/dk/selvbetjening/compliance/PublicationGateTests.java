package dk.selvbetjening.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.catalogue.ServiceChanges;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The gate: a mandatory (wave) solution, or its changes, is published only when every requirement in force is met or
 * not relevant with a reason, or while an editor's exemption is valid (judged by the injected clock).
 */
@ActingAsSystem
@SpringBootTest(properties = "test.context=compliance")
@Import(ComplianceTestClock.class)
class PublicationGateTests {

    @Autowired
    ComplianceFixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    RequirementCatalogue catalogue;

    @Autowired
    SelfServiceService services;

    @Autowired
    PortalTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    UUID owner;

    @BeforeEach
    void anAuthority() {
        owner = data.stateAuthority().id();
    }

    @AfterEach
    void resetTheClock() {
        clock.set(ComplianceTestClock.START);
    }

    @Test
    void refusesAWaveSolutionWithoutAnswersListingEveryRequirementInDanish() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 1);
        assertThatThrownBy(() -> services.publish(service.id()))
                .isInstanceOfSatisfying(PublicationRefusedException.class, e -> {
                    assertThat(e.reasons()).hasSize(24);
                    assertThat(e.reasons().get(0)).isEqualTo("Krav 1.1 Følg gældende skrivevejledninger: ikke besvaret");
                    assertThat(e.reasons()).contains("Krav 2.10 Bestå den fællesoffentlige brugertest: ikke besvaret",
                            "Krav 4.5 Gør formularer og fejl tilgængelige: ikke besvaret");
                });
        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.DRAFT);
    }

    @Test
    void publishesAWaveSolutionWhenEveryRequirementIsMetOrNotRelevantWithAReason() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 2);
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        fixtures.answer(service.id(), "3.4", AnswerStatus.NOT_RELEVANT, "Ingen fuldmagt: kun den berørte selv kan søge.");
        assertThat(services.publish(service.id()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);
    }

    @Test
    void refusesWhileSomeRequirementIsOnlyPartlyMetOrNotMetListingOnlyThose() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 3);
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        fixtures.answer(service.id(), "2.4", AnswerStatus.PARTLY_MET, "Resuméet mangler bilag.");
        fixtures.answer(service.id(), "4.1", AnswerStatus.NOT_MET, null);
        assertThatThrownBy(() -> services.publish(service.id()))
                .isInstanceOfSatisfying(PublicationRefusedException.class, e -> assertThat(e.reasons()).containsExactly(
                        "Krav 2.4 Giv brugeren et resumé: delvist opfyldt",
                        "Krav 4.1 Følg WCAG 2.1 niveau AA: ikke opfyldt"));
    }

    @Test
    void anAnswerAnEditorQuestionedRefusesUntilItIsAnsweredAgain() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 1);
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        assessments.review(service.id(), "2.10", AnswerReview.QUESTIONED, "Hvornår blev testen gennemført?");
        assertThatThrownBy(() -> services.publish(service.id()))
                .isInstanceOfSatisfying(PublicationRefusedException.class, e -> assertThat(e.reasons()).containsExactly(
                        "Krav 2.10 Bestå den fællesoffentlige brugertest: redaktionen har stillet et spørgsmål"));
        fixtures.answer(service.id(), "2.10", AnswerStatus.MET, "Testen blev gennemført i maj 2026.");
        assertThat(services.publish(service.id()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);
    }

    @Test
    void anExemptionLetsItBePublishedUntilItsLastDayAndNotItsChangesAfterwards() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 4);
        LocalDate lastDay = LocalDate.of(2026, 6, 25);
        assessments.grantExemption(service.id(), "Brugertesten er aftalt til juli.", lastDay);
        assertThat(services.publish(service.id()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);

        clock.set(lastDay.atTime(21, 0).atZone(clock.getZone()).toInstant());
        services.proposeChanges(service.id(), new ServiceChanges("Ny titel på sidste dag", service.url(),
                service.shortDescription(), service.supplierName(), service.supplierEmail()));
        assertThat(services.publish(service.id()).title()).isEqualTo("Ny titel på sidste dag");

        clock.advance(Duration.ofHours(4));
        services.proposeChanges(service.id(), new ServiceChanges("For sent", service.url(),
                service.shortDescription(), service.supplierName(), service.supplierEmail()));
        assertThatThrownBy(() -> services.publish(service.id())).isInstanceOf(PublicationRefusedException.class);
        assertThat(services.byId(service.id()).title()).isEqualTo("Ny titel på sidste dag");
    }

    @Test
    void aRevokedExemptionNoLongerCounts() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 2);
        AssessmentDetails granted = assessments.grantExemption(service.id(), "Midlertidig løsning.",
                LocalDate.of(2026, 12, 31));
        assertThat(granted.readiness().passes()).isTrue();
        assessments.revokeExemption(service.id(), granted.exemptions().get(0).id());
        assertThatThrownBy(() -> services.publish(service.id())).isInstanceOf(PublicationRefusedException.class);
    }

    @Test
    void anExemptionNeedsAReasonAndADayNotPassed() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 2);
        assertThatThrownBy(() -> assessments.grantExemption(service.id(), " ", LocalDate.of(2026, 6, 14)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        java.util.Map.entry("reason", "compliance.exemption.error.reason"),
                        java.util.Map.entry("validUntil", "compliance.exemption.error.past")));
    }

    @Test
    void aSolutionThatIsNotMandatoryIsNeverStopped() {
        SelfServiceDetails service = fixtures.draft(SelfServiceFixtures.aMunicipalSelfService(owner));
        assertThat(service.mandatoryWave()).isNull();
        assertThat(services.publish(service.id()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);
    }

    @Test
    void notRelevantNeedsAReasonInTheServiceAndInTheDatabase() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 1);
        assertThatThrownBy(() -> fixtures.answer(service.id(), "3.4", AnswerStatus.NOT_RELEVANT, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("justification_3.4", "compliance.answer.error.reason"));
        fixtures.answer(service.id(), "3.4", AnswerStatus.NOT_RELEVANT, "Ingen fuldmagt.");
        assertThatThrownBy(() -> jdbc.sql("UPDATE assessment_answer SET justification = NULL WHERE requirement_number = '3.4'")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE assessment_answer SET status = 'MAYBE'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void withNoAuthenticationAtAllNothingIsAnsweredReviewedExemptedSignedOffOrAddedButTheSystemAnswers() {
        SelfServiceDetails service = fixtures.waveDraft(owner, 1);
        int version = catalogue.version();
        SecurityContextHolder.clearContext();

        assertThat(assessments.mayReview()).isFalse();
        assertThat(assessments.mayAnswer(service)).isFalse();
        assertThatThrownBy(() -> assessments.forAccount(service.slug())).isInstanceOf(SelfServiceNotFoundException.class);
        assertThatThrownBy(() -> assessments.visible(service.slug())).isInstanceOf(SelfServiceNotFoundException.class);
        assertThatThrownBy(() -> assessments.answer(service.id(), null,
                List.of(new AnswerInput("1.1", AnswerStatus.MET, "Opfyldt.", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assessments.review(service.id(), "1.1", AnswerReview.QUESTIONED, "Hvorfor?"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assessments.grantExemption(service.id(), "Uden afsender.", LocalDate.of(2026, 12, 31)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assessments.signOff(service.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.add(4, "Uden afsender", "Ingen er logget ind.", false))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(catalogue.version()).isEqualTo(version);
        assertThat(assessments.readiness(service).unmet()).as("nothing was answered").hasSize(24);

        assertThat(SystemPrincipal.call(() -> assessments.answer(service.id(), null,
                List.of(new AnswerInput("1.1", AnswerStatus.MET, "Opfyldt.", null)))).answered()).isEqualTo(1);
    }
}
