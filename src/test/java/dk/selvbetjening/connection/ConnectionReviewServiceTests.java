package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The review queue flags the requests whose URL is another self-service's or another open request's (a closed request
 * is still flagged by an open one, but flags none), asking the catalogue once for the whole queue; a municipal
 * request's links are compared with the self-services' municipal links and other open municipal requests' links, with
 * a bounded number of queries for the whole queue; the review page's read model carries what the page shows.
 */
@SpringBootTest(properties = "selvbetjening.connection.submissions-per-minute=1000")
class ConnectionReviewServiceTests {

    @Autowired
    ConnectionIntakeService intake;

    @Autowired
    ConnectionReviewService review;

    @MockitoSpyBean
    SelfServiceService services;

    @MockitoSpyBean
    MunicipalLinkService links;

    @Autowired
    PortalTestData data;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ActionPageService actionPages;

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    @Test
    void theQueueFlagsDuplicatesWithOneQuestionToTheCatalogue() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Køstyrelsen " + UUID.randomUUID()));
        String path = "/" + UUID.randomUUID();
        published(owner, "https://koe.example.dk" + path + "/findes");
        SelfServiceDetails changed = published(owner, "https://koe.example.dk" + path + "/aendres");
        String sameAsService = submit(owner, "NEW", null, "https://KOE.example.dk" + path + "/findes/");
        String changesItsOwnService = submit(owner, "EXISTING", changed.id(), "https://koe.example.dk" + path + "/aendres");
        String firstOfTwo = submit(owner, "NEW", null, "https://koe.example.dk" + path + "/to");
        String secondOfTwo = submit(owner, "NEW", null, "https://koe.example.dk" + path + "/to#anden");
        String alone = submit(owner, "NEW", null, "https://koe.example.dk" + path + "/alene");
        String approved = submit(owner, "NEW", null, "https://koe.example.dk" + path + "/godkendt");
        String rejected = submit(owner, "NEW", null, "https://koe.example.dk" + path + "/afvist");
        String twinOfRejected = submit(owner, "NEW", null, "https://koe.example.dk" + path + "/afvist");
        accounts.runAs(editor, () -> review.approve(approved, review.take(approved, 0).version()));
        accounts.runAs(editor, () -> review.reject(rejected, review.take(rejected, 0).version(), "Dublet."));

        clearInvocations(services);
        Map<String, Boolean> flagged = review.queue(QueueFilter.all(), editor.account()).stream()
                .collect(Collectors.toMap(ConnectionRequestSummary::reference, ConnectionRequestSummary::duplicate));

        verify(services, times(1)).idsByNormalizedUrl(any());
        verify(services, never()).withNormalizedUrl(anyString());
        assertThat(flagged).containsEntry(sameAsService, true).containsEntry(changesItsOwnService, false)
                .containsEntry(firstOfTwo, true).containsEntry(secondOfTwo, true).containsEntry(alone, false)
                .containsEntry(approved, false).containsEntry(rejected, true).containsEntry(twinOfRejected, false);
    }

    @Test
    void aMunicipalRequestWhoseLinkIsAServicesLinkIsFlaggedInTheQueueAndNamedWithTheMunicipality() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Linkstyrelsen " + UUID.randomUUID()));
        String path = "/" + UUID.randomUUID();
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk" + path + "/flyt",
                751, "https://aarhus.dk" + path));
        String request = submitMunicipal(owner, Map.of("101", "HTTPS://WWW.KK.dk" + path + "/flyt/#start",
                "461", "https://odense.dk" + path));
        String alone = submitMunicipal(owner, Map.of("101", "https://www.kk.dk" + path + "/alene"));

        assertThat(flags(editor)).containsEntry(request, true).containsEntry(alone, false);
        ConnectionRequestDetails details = review.forAccount(request, editor.account());
        assertThat(details.duplicatesForEditors()).containsExactly(new DuplicateWarning(
                "HTTPS://WWW.KK.dk" + path + "/flyt/#start", service.slug(), service.title(), true, null,
                List.of("København")));
        assertThat(details.duplicates()).containsExactly(new PublicDuplicate(
                "HTTPS://WWW.KK.dk" + path + "/flyt/#start", service.slug(), service.title(), false,
                List.of("København")));
        assertThat(review.forAccount(alone, editor.account()).duplicatesForEditors()).isEmpty();
    }

    @Test
    void twoOpenMunicipalRequestsWithTheSameLinkFlagEachOther() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Tvillingstyrelsen " + UUID.randomUUID()));
        String path = "/" + UUID.randomUUID();
        String first = submitMunicipal(owner, Map.of("147", "https://www.frederiksberg.dk" + path,
                "101", "https://www.kk.dk" + path + "/foerste"));
        String second = submitMunicipal(owner, Map.of("147", "https://WWW.Frederiksberg.dk" + path + "/",
                "101", "https://www.kk.dk" + path + "/anden"));

        assertThat(flags(editor)).containsEntry(first, true).containsEntry(second, true);
        assertThat(review.forAccount(first, editor.account()).duplicatesForEditors()).containsExactly(
                new DuplicateWarning("https://www.frederiksberg.dk" + path, null, null, false, second,
                        List.of("Frederiksberg")));
        assertThat(review.forAccount(second, editor.account()).duplicates()).containsExactly(
                new PublicDuplicate("https://WWW.Frederiksberg.dk" + path + "/", null, null, true,
                        List.of("Frederiksberg")));

        accounts.runAs(editor, () -> review.reject(first, review.take(first, review.forAccount(first, editor.account()).version())
                .version(), "Dublet."));
        assertThat(flags(editor)).as("a closed request flags none").containsEntry(second, false);
    }

    @Test
    void theServiceAMunicipalRequestCreatedIsNotItsDuplicateButIsAnotherRequests() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Egenstyrelsen " + UUID.randomUUID()));
        String link = "https://www.kk.dk/" + UUID.randomUUID();
        String approved = submitMunicipal(owner, Map.of("101", link));
        ConnectionRequestDetails created = accounts.runAs(editor,
                () -> review.approve(approved, review.take(approved,
                        review.forAccount(approved, editor.account()).version()).version()));
        assertThat(created.createdServiceId()).isNotNull();
        assertThat(flags(editor)).as("its links are its created service's").containsEntry(approved, false);
        assertThat(review.forAccount(approved, editor.account()).duplicatesForEditors()).isEmpty();

        String later = submitMunicipal(owner, Map.of("101", link + "/"));
        assertThat(flags(editor)).containsEntry(later, true);
        ConnectionRequestDetails laterDetails = review.forAccount(later, editor.account());
        assertThat(laterDetails.duplicatesForEditors()).singleElement().satisfies(warning -> {
            assertThat(warning.serviceSlug()).isNotNull();
            assertThat(warning.servicePublished()).isFalse();
            assertThat(warning.municipalities()).containsExactly("København");
        });
        assertThat(laterDetails.duplicates()).as("the public is not told of a draft").isEmpty();
    }

    @Test
    void theQueueAsksForMunicipalLinksOnceHoweverManyMunicipalRequestsItShows() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Tællestyrelsen " + UUID.randomUUID()));
        String path = "/" + UUID.randomUUID();
        data.publishedMunicipal(Map.of(101, "https://www.kk.dk" + path));
        submitMunicipal(owner, Map.of("101", "https://www.kk.dk" + path));
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long[] few = queueQueries(editor, statistics);
        for (int i = 0; i < 5; i++) {
            submitMunicipal(owner, Map.of("101", "https://www.kk.dk" + path, "461", "https://odense.dk" + path + i,
                    "751", "https://aarhus.dk" + path + i));
        }
        long[] many = queueQueries(editor, statistics);

        assertThat(few).containsExactly(1, 1, 0);
        assertThat(many).as("link queries, request-link queries, request links loaded one by one").isEqualTo(few);
    }

    /** How often one queue reads the links by URL, the requests' links, and one request's links lazily. */
    private long[] queueQueries(AccountFixtures.TestAccount editor, Statistics statistics) {
        long linksBefore = executions(statistics, "l.normalizedUrl in");
        long requestLinksBefore = executions(statistics, "join r.municipalLinks");
        long lazyBefore = statistics.getCollectionStatistics(ConnectionRequest.class.getName() + ".municipalLinks")
                .getFetchCount();
        clearInvocations(services, links);
        assertThat(flags(editor)).containsValue(true);
        verify(links, times(1)).withNormalizedUrls(any());
        verify(services, never()).byId(any());
        return new long[] {executions(statistics, "l.normalizedUrl in") - linksBefore,
                executions(statistics, "join r.municipalLinks") - requestLinksBefore,
                statistics.getCollectionStatistics(ConnectionRequest.class.getName() + ".municipalLinks").getFetchCount()
                        - lazyBefore};
    }

    private static long executions(Statistics statistics, String queryPart) {
        return java.util.Arrays.stream(statistics.getQueries()).filter(q -> q.contains(queryPart))
                .mapToLong(q -> statistics.getQueryStatistics(q).getExecutionCount()).sum();
    }

    private Map<String, Boolean> flags(AccountFixtures.TestAccount editor) {
        return review.queue(QueueFilter.all(), editor.account()).stream()
                .collect(Collectors.toMap(ConnectionRequestSummary::reference, ConnectionRequestSummary::duplicate));
    }

    /** A NEW municipal request with these links (municipality code → URL). */
    private String submitMunicipal(AuthorityDetails owner, Map<String, String> municipalLinks) {
        return accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, "Bestil kø", null, "Kort.",
                "Kø A/S", "koe@leverandoer.dk", owner.cvrNumber(), null, null, List.of(), "MUNICIPAL", municipalLinks,
                List.of(), null, null, null), null)).reference();
    }

    @Test
    void theReviewPageReadsEverythingAboutTheRequestAtOnce() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Sidestyrelsen " + UUID.randomUUID()));
        String url = "https://side.example.dk/" + UUID.randomUUID();
        SelfServiceDetails existing = published(owner, url);
        String reference = submit(owner, "EXISTING", existing.id(), url + "/ny");

        ConnectionReviewDetails details = review.details(reference, editor.account());

        assertThat(details.request().reference()).isEqualTo(reference);
        assertThat(details.editor()).isTrue();
        assertThat(details.names().existingService().id()).isEqualTo(existing.id());
        assertThat(details.names().authority().id()).isEqualTo(owner.id());
        assertThat(details.comparison().serviceSlug()).isEqualTo(existing.slug());
        assertThat(details.comparison().rows()).anyMatch(r -> r.changed() && r.proposed().equals(url + "/ny"));
        assertThat(details.history()).hasSize(1);
        assertThat(details.published()).isNull();
        assertThat(details.loginWarning()).isNull();

        AccountFixtures.TestAccount ownersEditor = accounts.authorityEditor(owner.id());
        assertThat(review.details(reference, ownersEditor.account()).editor()).isFalse();
    }

    @Test
    void approvalCarriesTheSuppliersPlannedGoLiveIntoTheEditorsScheduleAndLinksTheDraft() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Planstyrelsen " + UUID.randomUUID()));
        LocalDate goLive = LocalDate.now(DANISH_TIME).plusDays(30);
        String reference = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, "Søg om plan",
                "https://plan.example.dk/" + UUID.randomUUID(), "Kort.", "Plan A/S", "plan@leverandoer.dk",
                owner.cvrNumber(), null, null, List.of(), goLive.toString(),
                PortalTestData.anActionPage("Søg om plan")), null)).reference();

        accounts.runAs(editor, () -> review.take(reference, review.forAccount(reference, editor.account()).version()));
        ConnectionRequestDetails approved = accounts.runAs(editor,
                () -> review.approve(reference, review.forAccount(reference, editor.account()).version()));

        assertThat(actionPages.state(approved.createdServiceId()).orElseThrow().goLiveAt())
                .isEqualTo(goLive.atStartOfDay(DANISH_TIME).toInstant());
        ConnectionReviewDetails details = review.details(reference, editor.account());
        assertThat(details.approvedService().id()).isEqualTo(approved.createdServiceId());
        assertThat(details.published()).isNull();
    }

    private SelfServiceDetails published(AuthorityDetails owner, String url) {
        return SystemPrincipal.call(() -> services.publish(services.add(
                SelfServiceFixtures.aVoluntarySelfService(owner.id(), url)).id()));
    }

    /** A request with {@code url}: a NEW one names the owner's CVR number, an EXISTING one the service it changes. */
    private String submit(AuthorityDetails owner, String kind, UUID existing, String url) {
        return accounts.runAsVisitor(() -> intake.submit(new Submission(kind, existing == null ? null
                : existing.toString(), "Søg om kø", url, "Kort.", "Kø A/S", "koe@leverandoer.dk",
                existing == null ? owner.cvrNumber() : null, null, null, List.of(), null, null), null)).reference();
    }
}
