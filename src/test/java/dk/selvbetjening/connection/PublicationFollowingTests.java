package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceChanged;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ModuleListeners;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * However an approved request's self-service goes live — the request page's "Udgiv", the action page editor's
 * "Udgiv", the scheduled go-live — the request is marked published and its supplier mailed exactly once; an event
 * delivered again mails nothing more.
 */
@SpringBootTest(properties = "selvbetjening.connection.submissions-per-minute=1000")
class PublicationFollowingTests {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final String PUBLISHED_SUBJECT = "selvbetjeningen er udgivet";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock publicationTestClock() {
            return new MutableClock(Instant.now(), DANISH_TIME);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    ConnectionIntakeService intake;

    @Autowired
    ConnectionReviewService review;

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    MailOutbox outbox;

    @Autowired
    ModuleListeners listeners;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void publishingFromTheActionPageEditorMarksTheRequestPublishedAndMailsTheSupplierOnce() {
        AccountFixtures.TestAccount editor = accounts.editor();
        Approved approved = approvedRequest(null);
        assertThat(services.byId(approved.serviceId()).status()).isEqualTo(SelfServiceStatus.DRAFT);

        accounts.runAs(editor, () -> actionPages.publish(approved.serviceId()));
        listeners.awaitAll();

        assertPublishedOnce(approved);
    }

    @Test
    void theScheduledGoLiveMarksTheRequestPublishedAndMailsTheSupplierOnce() {
        LocalDate goLive = LocalDate.now(clock).plusDays(3);
        Approved approved = approvedRequest(goLive);
        assertThat(actionPages.state(approved.serviceId()).orElseThrow().goLiveAt()).isNotNull();
        listeners.awaitAll();
        assertThat(publishedMails(approved)).as("nothing is live yet").isZero();

        clock.advance(Duration.ofDays(4));
        // what the go-live job does at its next poll, as the application itself
        assertThat(SystemPrincipal.call(() -> actionPages.goLive(approved.serviceId()))).isTrue();
        listeners.awaitAll();

        assertThat(services.byId(approved.serviceId()).status()).isEqualTo(SelfServiceStatus.PUBLISHED);
        assertPublishedOnce(approved);
    }

    @Test
    void publishingFromTheRequestPageMailsTheSupplierOnceThoughTheCatalogueTellsOfItToo() {
        AccountFixtures.TestAccount editor = accounts.editor();
        Approved approved = approvedRequest(null);

        long version = version(approved.reference());
        accounts.runAs(editor, () -> review.publish(approved.reference(), version, true));
        listeners.awaitAll();

        assertPublishedOnce(approved);
    }

    @Test
    void anEventDeliveredAgainChangesAndMailsNothing() {
        AccountFixtures.TestAccount editor = accounts.editor();
        Approved approved = approvedRequest(null);
        accounts.runAs(editor, () -> actionPages.publish(approved.serviceId()));
        listeners.awaitAll();
        long version = version(approved.reference());

        transactions.executeWithoutResult(status -> events.publishEvent(new SelfServiceChanged(approved.serviceId())));
        listeners.awaitAll();

        assertPublishedOnce(approved);
        assertThat(version(approved.reference())).isEqualTo(version);
    }

    @Test
    void aDraftOrChangesStillWaitingLeaveTheRequestApproved() {
        AccountFixtures.TestAccount editor = accounts.editor();
        Approved approved = approvedRequest(null);

        transactions.executeWithoutResult(status -> events.publishEvent(new SelfServiceChanged(approved.serviceId())));
        listeners.awaitAll();
        assertThat(details(approved.reference()).publishedAt()).isNull();

        // an EXISTING request's changes wait for the service's next publishing, though the service itself is live
        accounts.runAs(editor, () -> actionPages.publish(approved.serviceId()));
        listeners.awaitAll();
        String change = accounts.runAsVisitor(() -> intake.submit(new Submission("EXISTING",
                approved.serviceId().toString(), "Søg om følge, nu nyere", "https://foelg.example.dk/" + UUID.randomUUID(),
                "Ny beskrivelse.", "Følg A/S", approved.supplier(), null, null, null, List.of(), null, null), null))
                .reference();
        accounts.runAs(editor, () -> review.approve(change, review.take(change, version(change)).version()));
        listeners.awaitAll();
        assertThat(details(change).publishedAt()).isNull();
    }

    private void assertPublishedOnce(Approved approved) {
        ConnectionRequestDetails request = details(approved.reference());
        assertThat(request.status()).isEqualTo(ConnectionRequestStatus.APPROVED);
        assertThat(request.publishedAt()).as("Udgivet").isNotNull();
        assertThat(publishedMails(approved)).isEqualTo(1);
        assertThat(audit.history("tilslutning", approved.reference())).extracting(e -> e.action())
                .containsOnlyOnce("udgivet");
    }

    private long version(String reference) {
        return details(reference).version();
    }

    private ConnectionRequestDetails details(String reference) {
        return review.forAccount(reference, accounts.editor().account());
    }

    private long publishedMails(Approved approved) {
        return outbox.to(approved.supplier()).stream().filter(m -> m.subject().contains(PUBLISHED_SUBJECT)).count();
    }

    /** A NEW request, approved: a draft self-service with its action page, waiting to be published. */
    private Approved approvedRequest(LocalDate plannedGoLive) {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(
                AuthorityFixtures.aStateAuthority("Følgestyrelsen " + UUID.randomUUID()));
        String supplier = "foelg-" + UUID.randomUUID() + "@leverandoer.dk";
        String reference = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, "Søg om følge",
                "https://foelg.example.dk/" + UUID.randomUUID(), "Søg om følge online.", "Følg A/S", supplier,
                owner.cvrNumber(), null, null, List.of(), plannedGoLive == null ? null : plannedGoLive.toString(),
                PortalTestData.anActionPage("Søg om følge")), null)).reference();
        ConnectionRequestDetails approved = accounts.runAs(editor,
                () -> review.approve(reference, review.take(reference, version(reference)).version()));
        return new Approved(reference, approved.createdServiceId(), supplier);
    }

    private record Approved(String reference, UUID serviceId, String supplier) {
    }
}
