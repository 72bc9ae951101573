package dk.selvbetjening.compliance.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.AssessmentDetails;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.compliance.ComplianceTestClock;
import dk.selvbetjening.compliance.InvalidInputException;
import dk.selvbetjening.compliance.RequirementAssessment;
import dk.selvbetjening.compliance.RequirementState;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The requirement catalogue as versioned data: the seed, one new catalogue version per change, and assessments that
 * keep the version and wording they answered. Each test gets a fresh context, as each changes the catalogue.
 */
@ActingAsSystem
@SpringBootTest(properties = "test.context=compliance-catalogue")
@Import(ComplianceTestClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RequirementCatalogueTests {

    @Autowired
    RequirementCatalogue catalogue;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ComplianceFixtures fixtures;

    @Autowired
    SelfServiceService services;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Test
    void seedsFifteenVerifiedRequirementsAndNineDraftsForAreasThreeAndFour() {
        assertThat(catalogue.version()).isEqualTo(1);
        assertThat(catalogue.inForce()).hasSize(24);
        assertThat(catalogue.inForce()).filteredOn(RequirementDetails::verified).extracting(RequirementDetails::number)
                .containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7",
                        "2.8", "2.9", "2.10");
        assertThat(catalogue.inForce()).filteredOn(r -> !r.verified()).extracting(RequirementDetails::number)
                .containsExactly("3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "4.5");
        assertThat(catalogue.requirement("2.2").orElseThrow().title()).isEqualTo("Forbered brugerne, inden de går i gang");
    }

    @Test
    void everyChangeIsANewCatalogueVersionWithARevision() {
        RequirementDetails added = catalogue.add(4, "Undertekster på video", "Video har undertekster.", false);
        assertThat(added.number()).isEqualTo("4.6");
        assertThat(catalogue.version()).isEqualTo(2);
        RequirementDetails reworded = catalogue.reword("4.6", added.version(), "Undertekster og tolkning",
                "Video har undertekster og tegnsprog.", false);
        assertThat(catalogue.version()).isEqualTo(3);
        RequirementDetails verified = catalogue.verify("4.6", reworded.version());
        assertThat(catalogue.version()).isEqualTo(4);
        catalogue.retire("4.6", verified.version());
        assertThat(catalogue.version()).isEqualTo(5);
        assertThat(catalogue.revisions("4.6")).extracting(RevisionDetails::change).containsExactly(
                RequirementChange.RETIRED, RequirementChange.VERIFIED, RequirementChange.REWORDED,
                RequirementChange.ADDED);
        assertThat(catalogue.inForce()).extracting(RequirementDetails::number).doesNotContain("4.6");
        assertThat(catalogue.asOf(2)).extracting(RevisionDetails::title).contains("Undertekster på video");
        assertThat(catalogue.asOf(1)).hasSize(24);
        assertThat(catalogue.versions()).extracting(CatalogueVersionSummary::version).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void anOldAssessmentKeepsItsVersionAndAnAnswerToARewordedRequirementShowsItsOlderWording() {
        SelfServiceDetails service = fixtures.waveDraft(data.stateAuthority().id(), 1);
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        RequirementDetails before = catalogue.requirement("2.3").orElseThrow();
        catalogue.reword("2.3", before.version(), "Opbyg et logisk forløb", "Trinene følger brugerens opgave.", true);

        AssessmentDetails assessment = assessments.forAccount(service.slug());
        assertThat(assessment.catalogueVersion()).isEqualTo(1);
        assertThat(assessment.currentCatalogueVersion()).isEqualTo(2);
        RequirementAssessment row = assessment.rows().stream().filter(r -> r.requirement().number().equals("2.3"))
                .findFirst().orElseThrow();
        assertThat(row.state()).isEqualTo(RequirementState.OLDER_WORDING);
        assertThat(row.answer().wordingRevision()).isEqualTo(1);
        assertThat(catalogue.revisions("2.3")).filteredOn(r -> r.revision() == row.answer().wordingRevision())
                .singleElement().satisfies(r -> assertThat(r.title()).isEqualTo("Opbyg et logisk og konsekvent forløb"));
        assertThatThrownBy(() -> services.publish(service.id())).isInstanceOfSatisfying(
                PublicationRefusedException.class, e -> assertThat(e.reasons()).containsExactly(
                        "Krav 2.3 Opbyg et logisk forløb: besvaret for en ældre ordlyd"));

        AssessmentDetails again = fixtures.answer(service.id(), "2.3", AnswerStatus.MET, "Testet i juni.");
        assertThat(again.catalogueVersion()).isEqualTo(2);
        assertThat(again.readiness().passes()).isTrue();
    }

    @Test
    void verifyingADraftWordingKeepsItsAnswersCurrent() {
        SelfServiceDetails service = fixtures.waveDraft(data.stateAuthority().id(), 2);
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        catalogue.verify("4.1", catalogue.requirement("4.1").orElseThrow().version());
        assertThat(catalogue.requirement("4.1").orElseThrow().verified()).isTrue();
        assertThat(assessments.forAccount(service.slug()).readiness().passes()).isTrue();
    }

    @Test
    void anAddedRequirementMustBeAnsweredAndARetiredOneNoLonger() {
        SelfServiceDetails service = fixtures.waveDraft(data.stateAuthority().id(), 3);
        fixtures.answerAll(service.id(), AnswerStatus.MET);
        fixtures.answer(service.id(), "1.5", AnswerStatus.NOT_MET, null);
        catalogue.add(1, "Undgå forkortelser", "Skriv ord helt ud.", false);
        assertThat(assessments.missing(assessments.forAccount(service.slug()).readiness())).containsExactly(
                "Krav 1.5 Fejlmeddelelser skal være skrevet på dansk: ikke opfyldt",
                "Krav 1.6 Undgå forkortelser: ikke besvaret");
        catalogue.retire("1.5", catalogue.requirement("1.5").orElseThrow().version());
        fixtures.answer(service.id(), "1.6", AnswerStatus.MET, "Ingen forkortelser.");
        assertThat(services.publish(service.id()).status().name()).isEqualTo("PUBLISHED");
    }

    @Test
    void refusesAChangeToAVersionSomeoneElseChangedAndInputToFix() {
        RequirementDetails requirement = catalogue.requirement("1.3").orElseThrow();
        catalogue.reword("1.3", requirement.version(), "Vejled brugerne trin for trin", "Skriv som en vejledning.", true);
        assertThatThrownBy(() -> catalogue.reword("1.3", requirement.version(), "Gammel", "Gammel.", true))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> catalogue.add(5, "", "x", false)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("title", "area"));
        assertThat(catalogue.version()).isEqualTo(2);
    }

    @Test
    void onlyEditorsChangeTheCatalogue() {
        UUID authority = data.stateAuthority().id();
        var authorityEditor = accounts.authorityEditor(authority);
        assertThatThrownBy(() -> accounts.runAs(authorityEditor,
                () -> catalogue.add(2, "Eget krav", "Tekst.", true))).isInstanceOf(AccessDeniedException.class);
        var editor = accounts.editor();
        assertThat(accounts.runAs(editor, () -> catalogue.add(2, "Nyt krav", "Tekst.", true)).number())
                .isEqualTo("2.11");
    }
}
