package dk.selvbetjening.actionpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Publishing an action page publishes its self-service with it when citizens cannot see that yet: both or neither,
 * and never a page published for a self-service nobody can see.
 */
@ActingAsSystem
@SpringBootTest
class PublishingTogetherTests {

    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock publishingTestClock() {
            return new MutableClock(START, ZoneId.of("Europe/Copenhagen"));
        }
    }

    @Autowired
    ActionPageService actionPages;

    @Autowired
    SelfServiceService services;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    MutableClock clock;

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
}
