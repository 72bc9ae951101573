package dk.selvbetjening.actionpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.diff.DiffSegment;
import dk.selvbetjening.actionpage.diff.FieldDiff;
import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@ActingAsSystem
@SpringBootTest
class ActionPageServiceTests {

    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock actionPageTestClock() {
            return new MutableClock(START, ZoneId.of("Europe/Copenhagen"));
        }
    }

    @Autowired
    ActionPageService actionPages;

    @Autowired
    SelfServiceService services;

    @Autowired
    AuthorityService authorities;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    SelfServiceDetails service;

    @BeforeEach
    void publishedService() {
        service = data.publishedNational("https://selvbetjening.example.dk/flyt");
    }

    static ActionPageContent text(String title, String intro) {
        return new ActionPageContent(title, intro, List.of("Du skal bruge MitID."), null, null,
                "Ring til kommunen, hvis du ikke kan bruge selvbetjeningen.", "Du får svar i Digital Post.", null);
    }

    @Test
    void everySaveIsARevisionAndCitizensSeeOnlyThePublishedText() {
        String published = actionPages.find(service.id()).orElseThrow().content().intro();

        int number = actionPages.saveDraft(service.id(), text("Meld flytning", "Her melder du din nye adresse."));

        assertThat(number).isEqualTo(2);
        assertThat(actionPages.find(service.id()).orElseThrow().content().intro()).isEqualTo(published);
        assertThat(actionPages.draft(service.id())).hasValueSatisfying(
                draft -> assertThat(draft.intro()).isEqualTo("Her melder du din nye adresse."));
        assertThat(actionPages.revisions(service.id())).extracting(ActionPageRevisionSummary::number,
                ActionPageRevisionSummary::published).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, false), org.assertj.core.groups.Tuple.tuple(1, true));

        clock.advance(Duration.ofMinutes(5));
        ActionPageState state = actionPages.publish(service.id());

        assertThat(state.publishedRevision()).isEqualTo(2);
        assertThat(state.publishedAt()).isEqualTo(clock.instant());
        assertThat(actionPages.find(service.id()).orElseThrow().content().intro())
                .isEqualTo("Her melder du din nye adresse.");
        assertThat(actionPages.find(service.id()).orElseThrow().updatedAt()).isEqualTo(clock.instant());
        assertThat(actionPages.draft(service.id())).isEmpty();
    }

    @Test
    void aRevisionRecordsWhoSavedItAndWhen() {
        AccountFixtures.TestAccount editor = accounts.editor();
        clock.advance(Duration.ofHours(1));

        accounts.runAs(editor, () -> actionPages.saveDraft(service.id(), text("Meld flytning", "Ny tekst.")));

        ActionPageRevisionSummary newest = actionPages.revisions(service.id()).get(0);
        assertThat(newest.author()).isEqualTo(editor.email());
        assertThat(newest.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void publishingIsRefusedWhileAnErrorCheckFailsAndNothingChangesForCitizens() {
        String before = actionPages.find(service.id()).orElseThrow().content().title();
        actionPages.saveDraft(service.id(), text("Boligstøtte.", "Her søger du boligstøtte."));

        assertThatThrownBy(() -> actionPages.publish(service.id()))
                .isInstanceOfSatisfying(ActionPagePublishRefusedException.class, e -> assertThat(e.errors())
                        .extracting(GuideFinding::field).contains("title"));
        assertThat(actionPages.find(service.id()).orElseThrow().content().title()).isEqualTo(before);
    }

    @Test
    void aMandatorySolutionCannotBePublishedWithoutAlternatives() {
        assertThat(service.mandatoryWave()).isNotNull();
        actionPages.saveDraft(service.id(), new ActionPageContent("Meld flytning", "Her melder du flytning.",
                List.of("MitID."), null, null, null, "Du får svar i Digital Post.", null));

        assertThatThrownBy(() -> actionPages.publish(service.id()))
                .isInstanceOfSatisfying(ActionPagePublishRefusedException.class, e -> assertThat(e.errors())
                        .extracting(GuideFinding::field).containsExactly("alternatives"));
    }

    @Test
    void twoRevisionsDifferWordByWord() {
        int older = actionPages.saveDraft(service.id(), text("Meld flytning", "Du kan melde flytning her."));
        int newer = actionPages.saveDraft(service.id(), text("Meld flytning", "Du kan nemt melde flytning her."));

        List<FieldDiff> diff = actionPages.diff(service.id(), older, newer);

        assertThat(diff).filteredOn(FieldDiff::changed).extracting(FieldDiff::field).containsExactly("intro");
        assertThat(diff.get(1).segments()).containsExactly(
                new DiffSegment(DiffSegment.Kind.SAME, "Du kan "),
                new DiffSegment(DiffSegment.Kind.ADDED, "nemt "),
                new DiffSegment(DiffSegment.Kind.SAME, "melde flytning her."));
    }

    @Test
    void restoringAnOldRevisionSavesItAsANewDraft() {
        int first = actionPages.saveDraft(service.id(), text("Meld flytning", "Første udgave."));
        actionPages.saveDraft(service.id(), text("Meld flytning", "Anden udgave."));

        int restored = actionPages.restore(service.id(), first);

        assertThat(restored).isEqualTo(first + 2);
        assertThat(actionPages.latest(service.id()).orElseThrow().intro()).isEqualTo("Første udgave.");
        assertThat(actionPages.revisions(service.id()).get(0).restoredFrom()).isEqualTo(first);
        assertThat(actionPages.revisions(service.id())).hasSize(4);
        assertThat(actionPages.find(service.id()).orElseThrow().content().intro()).isNotEqualTo("Første udgave.");
    }

    @Test
    void aScheduledRevisionGoesLiveWhenItsTimeComesAndNotBefore() {
        int scheduled = actionPages.saveDraft(service.id(), text("Meld flytning", "Den nye tekst."));
        Instant goLive = clock.instant().plus(Duration.ofHours(2));
        actionPages.schedule(service.id(), goLive);
        actionPages.saveDraft(service.id(), text("Meld flytning", "En senere kladde, ikke planlagt."));

        clock.advance(Duration.ofMinutes(119));
        assertThat(actionPages.dueForGoLive()).doesNotContain(service.id());

        clock.advance(Duration.ofMinutes(1));
        assertThat(actionPages.dueForGoLive()).contains(service.id());
        assertThat(actionPages.goLive(service.id())).isTrue();

        ActionPageDetails live = actionPages.find(service.id()).orElseThrow();
        assertThat(live.content().intro()).isEqualTo("Den nye tekst.");
        assertThat(live.updatedAt()).isEqualTo(goLive);
        assertThat(actionPages.state(service.id()).orElseThrow().publishedRevision()).isEqualTo(scheduled);
        assertThat(actionPages.state(service.id()).orElseThrow().goLiveAt()).isNull();
        assertThat(actionPages.goLive(service.id())).as("published once").isFalse();
    }

    @Test
    void aGoLiveThatPassedWhileTheApplicationWasDownHappensAtStartUp() throws InterruptedException {
        actionPages.saveDraft(service.id(), text("Meld flytning", "Udgivet efter genstart."));
        actionPages.schedule(service.id(), clock.instant().plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofHours(3));

        // A fresh job, on a thread of its own as at start-up (the test thread carries a mock request)
        Thread startUp = new Thread(new ActionPageGoLive(actionPages)::afterStart);
        startUp.start();
        startUp.join();

        assertThat(actionPages.find(service.id()).orElseThrow().content().intro()).isEqualTo("Udgivet efter genstart.");
        assertThat(audit.history(SelfServiceService.AUDIT_TYPE, service.id())).extracting(e -> e.actor())
                .contains(AuditLog.SYSTEM);
    }

    @Test
    void aGoLiveInThePastOrAFailingTextCannotBeScheduled() {
        actionPages.saveDraft(service.id(), text("Meld flytning", "Tekst."));
        assertThatThrownBy(() -> actionPages.schedule(service.id(), clock.instant().minusSeconds(1)))
                .isInstanceOfSatisfying(ActionPageConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo("actionpage.conflict.goLivePast"));

        actionPages.saveDraft(service.id(), text("Boligstøtte.", "Tekst."));
        assertThatThrownBy(() -> actionPages.schedule(service.id(), clock.instant().plusSeconds(60)))
                .isInstanceOf(ActionPagePublishRefusedException.class);
        assertThat(actionPages.state(service.id()).orElseThrow().goLiveAt()).isNull();
    }

    @Test
    void aStaleFormIsRefusedAndNothingIsSaved() {
        int current = actionPages.state(service.id()).orElseThrow().latestRevision();
        actionPages.saveDraft(service.id(), text("Meld flytning", "Nogen gemte imens."), current);

        assertThatThrownBy(() -> actionPages.saveDraft(service.id(), text("Meld flytning", "Min ændring."), current))
                .isInstanceOfSatisfying(ActionPageConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo("actionpage.conflict.changed"));
        assertThat(actionPages.latest(service.id()).orElseThrow().intro()).isEqualTo("Nogen gemte imens.");
    }

    @Test
    void unpublishingShowsCitizensTheShortDescriptionAndArchivingClosesThePage() {
        actionPages.unpublish(service.id());
        assertThat(actionPages.find(service.id())).isEmpty();
        assertThat(actionPages.all()).extracting(ActionPageDetails::selfServiceId).doesNotContain(service.id());

        actionPages.archive(service.id());
        assertThat(actionPages.state(service.id()).orElseThrow().status()).isEqualTo(ActionPageStatus.ARCHIVED);
        assertThatThrownBy(() -> actionPages.saveDraft(service.id(), text("Meld flytning", "Tekst.")))
                .isInstanceOfSatisfying(ActionPageConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo("actionpage.conflict.archived"));
        assertThat(actionPages.revisions(service.id())).isNotEmpty();
    }

    @Test
    void onlyEditorsAndTheOwningAuthoritysEditorsChangeAPage() {
        AuthorityDetails owner = authorities.authority(service.authorityId());
        AuthorityDetails other = authorities.register(AuthorityFixtures.aStateAuthority("Anden Styrelse"));
        AccountFixtures.TestAccount ownEditor = accounts.authorityEditor(owner.id());
        AccountFixtures.TestAccount otherEditor = accounts.authorityEditor(other.id());

        assertThat(accounts.runAs(ownEditor, () -> actionPages.saveDraft(service.id(), text("Meld flytning", "Egen."))))
                .isPositive();
        assertThat(accounts.runAs(accounts.editor(), () -> actionPages.publish(service.id())).publishedRevision())
                .isNotNull();
        assertThatThrownBy(() -> accounts.runAs(otherEditor,
                () -> actionPages.saveDraft(service.id(), text("Meld flytning", "Fremmed."))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(otherEditor, () -> actionPages.publish(service.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(otherEditor, () -> actionPages.restore(service.id(), 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actionPages.latest(service.id()).orElseThrow().intro()).isEqualTo("Egen.");
    }

    @Test
    void withNoAuthenticationAtAllNoPageChangesButTheSystemPrincipalChangesIt() {
        int latest = actionPages.state(service.id()).orElseThrow().latestRevision();
        ActionPageContent content = text("Meld flytning", "Uden nogen afsender.");
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> actionPages.saveDraft(service.id(), content)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actionPages.write(service.id(), content)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actionPages.restore(service.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actionPages.publish(service.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actionPages.schedule(service.id(), clock.instant().plus(Duration.ofHours(1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actionPages.cancelSchedule(service.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actionPages.unpublish(service.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actionPages.archive(service.id())).isInstanceOf(AccessDeniedException.class);

        ActionPageState state = actionPages.state(service.id()).orElseThrow();
        assertThat(state.latestRevision()).isEqualTo(latest);
        assertThat(state.status()).isEqualTo(ActionPageStatus.PUBLISHED);

        assertThat(SystemPrincipal.call(() -> actionPages.saveDraft(service.id(), content))).isEqualTo(latest + 1);
        assertThat(actionPages.revisions(service.id()).get(0).author()).isEqualTo(AuditLog.SYSTEM);
    }

    @Test
    void aGoLiveIsRefusedWithNoAuthenticationAtAllAndTheJobPublishesItAsTheSystem() {
        AccountFixtures.TestAccount editor = accounts.editor();
        accounts.runAs(editor, () -> actionPages.saveDraft(service.id(), text("Meld flytning", "Planlagt tekst.")));
        accounts.runAs(editor, () -> actionPages.schedule(service.id(), clock.instant().plus(Duration.ofMinutes(10))));
        clock.advance(Duration.ofMinutes(10));
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> actionPages.goLive(service.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(actionPages.find(service.id()).orElseThrow().content().intro()).isNotEqualTo("Planlagt tekst.");

        assertThat(new ActionPageGoLive(actionPages).run()).isEqualTo(1);
        assertThat(actionPages.find(service.id()).orElseThrow().content().intro()).isEqualTo("Planlagt tekst.");
        assertThat(audit.history(SelfServiceService.AUDIT_TYPE, service.id()))
                .filteredOn(e -> e.action().equals("handlingsside udgivet")).last()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(AuditLog.SYSTEM));
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the job leaves no principal behind")
                .isNull();
    }

    // Publishing an action page publishes its self-service with it when citizens cannot see that yet: both or
    // neither, and never a page published for a self-service nobody can see.

    private SelfServiceDetails draft() {
        SelfServiceDetails service = services.add(SelfServiceFixtures.aVoluntarySelfService(data.stateAuthority().id(),
                "https://selvbetjening.example.dk/sammen"));
        actionPages.saveDraft(service.id(), PortalTestData.anActionPage(service.title()));
        return service;
    }

    @Test
    void anEditorPublishingTheActionPageOfADraftServicePublishesBoth() {
        SelfServiceDetails service = draft();

        accounts.runAs(accounts.editor(), () -> actionPages.publish(service.id()));

        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);
        assertThat(actionPages.find(service.id())).isPresent();
    }

    @Test
    void anAuthorityEditorIsToldTheServiceIsNotPublishedAndNothingChanges() {
        SelfServiceDetails service = draft();

        assertThatThrownBy(() -> accounts.runAs(accounts.authorityEditor(service.authorityId()),
                () -> actionPages.publish(service.id())))
                .isInstanceOf(ActionPageConflictException.class)
                .hasFieldOrPropertyWithValue("reason", "actionpage.conflict.serviceNotPublished");

        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.DRAFT);
        assertThat(actionPages.state(service.id()).orElseThrow().status()).isEqualTo(ActionPageStatus.DRAFT);
    }

    @Test
    void whenTheCatalogueRefusesTheServiceTheActionPageStaysUnpublishedToo() {
        SelfServiceDetails service = services.add(SelfServiceFixtures.aWaveSelfService(data.stateAuthority().id(),
                "https://selvbetjening.example.dk/boelge", 1));
        actionPages.saveDraft(service.id(), PortalTestData.anActionPage(service.title()));

        assertThatThrownBy(() -> accounts.runAs(accounts.editor(), () -> actionPages.publish(service.id())))
                .isInstanceOf(PublicationRefusedException.class);

        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.DRAFT);
        assertThat(actionPages.state(service.id()).orElseThrow().publishedRevision()).isNull();
        assertThat(actionPages.find(service.id())).isEmpty();
    }

    @Test
    void anArchivedServiceIsNotPublishedThroughItsActionPage() {
        SelfServiceDetails service = draft();
        services.archive(service.id());

        assertThatThrownBy(() -> actionPages.publish(service.id()))
                .isInstanceOf(ActionPageConflictException.class)
                .hasFieldOrPropertyWithValue("reason", "actionpage.conflict.serviceArchived");
        assertThat(actionPages.find(service.id())).isEmpty();
    }

    @Test
    void aScheduledGoLivePublishesADraftServiceWithItsPage() {
        SelfServiceDetails service = draft();
        Instant at = clock.instant().plus(Duration.ofDays(3));

        assertThat(accounts.runAs(accounts.editor(), () -> actionPages.scheduleIfReady(service.id(), at))).isTrue();
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        boolean live = SystemPrincipal.call(() -> actionPages.goLive(service.id()));

        assertThat(live).isTrue();
        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);
        assertThat(actionPages.find(service.id())).isPresent();
    }

    @Test
    void scheduleIfReadyRefusesQuietlyAPastTimeOrANonexistentPage() {
        SelfServiceDetails service = draft();
        SelfServiceDetails empty = services.add(SelfServiceFixtures.aVoluntarySelfService(data.stateAuthority().id(),
                "https://selvbetjening.example.dk/tom"));

        assertThat(actionPages.scheduleIfReady(service.id(), clock.instant().minusSeconds(60))).isFalse();
        assertThat(actionPages.scheduleIfReady(empty.id(), clock.instant().plus(Duration.ofDays(1)))).isFalse();
        assertThat(actionPages.state(service.id()).orElseThrow().goLiveAt()).isNull();
    }

    @Test
    void asCitizensSeeGivesThePublishedTextsAndTheArchivedPagesOfTheSelfServicesAskedFor() {
        SelfServiceDetails unpublished = data.publishedNational("https://selvbetjening.example.dk/ned");
        SelfServiceDetails archived = data.publishedNational("https://selvbetjening.example.dk/arkiv");
        SelfServiceDetails notAsked = data.publishedNational("https://selvbetjening.example.dk/ikke-spurgt");
        actionPages.saveDraft(service.id(), text("Meld flytning", "Et udkast, som borgerne ikke ser."));
        actionPages.unpublish(unpublished.id());
        actionPages.archive(archived.id());
        actionPages.archive(notAsked.id());

        CitizenActionPages seen = actionPages.asCitizensSee(List.of(service.id(), unpublished.id(), archived.id(),
                java.util.UUID.randomUUID()));

        assertThat(seen.published()).containsOnlyKeys(service.id());
        assertThat(seen.published().get(service.id())).isEqualTo(actionPages.find(service.id()).orElseThrow());
        assertThat(seen.published().get(service.id()).content().intro()).doesNotContain("udkast");
        assertThat(seen.archived()).containsExactly(archived.id());
        assertThat(actionPages.asCitizensSee(List.of())).isEqualTo(new CitizenActionPages(java.util.Map.of(),
                java.util.Set.of()));
    }
}
