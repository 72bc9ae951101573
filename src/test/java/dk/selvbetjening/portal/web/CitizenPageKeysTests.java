package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityInput;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SeparateDatabase;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.changes.ChangedOnAnotherNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A cached citizen page is keyed by what it shows (ADR 0032): a change to anything on it renders it again at once, and
 * a change to anything else leaves it the very same cached object. Each dependency of a page is changed the way the
 * application changes it, and both the changed page and an unrelated one are looked at in the cache.
 */
@SpringBootTest
@AutoConfigureMockMvc
@SeparateDatabase("citizen-page-keys")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenPageKeysTests {

    static final String NATIONAL_TOPIC = "bolig-og-flytning";
    static final String MUNICIPAL_TOPIC = "familie-og-boern";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Europe/Copenhagen"));
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    CitizenCatalogue catalogue;

    @Autowired
    RenderedPages pages;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    /** Eight national (mandatory) solutions: "most used" without starts, so no municipal one is on the front page. */
    @BeforeAll
    void publish() {
        for (int i = 0; i < 8; i++) {
            data.publishedNational("https://www.borger.dk/mest-brugt-" + i);
        }
    }

    /** The action page with {@code code} in its link, asked for (rendered when not cached), and its cached object. */
    private RenderedPage actionPage(SelfServiceDetails service, Integer code) {
        String uri = "/handlingsside/" + service.slug() + (code == null ? "" : "?kommunekode=" + code);
        assertThat(mvc.get().uri(uri)).as(uri).hasStatusOk();
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PortalService page = snapshot.service(service.slug()).orElseThrow();
        RenderedPage cached = pages.peek(PageVersion.actionPage(snapshot, page,
                        ActionPageView.DowntimeNotice.of(page.actionPage().plannedDowntime(), clock)),
                ActionPageWebController.TEMPLATE, new ActionPageVariant(service.slug(), code, false));
        assertThat(cached).as(uri + " is cached").isNotNull();
        assertThat(mvc.get().uri(uri)).as("answered from memory").body().isEqualTo(cached.plain());
        return cached;
    }

    private RenderedPage topicPage(String slug) {
        assertThat(mvc.get().uri("/emner/" + slug)).hasStatusOk();
        RenderedPage cached = pages.peek(PageVersion.topic(catalogue.snapshot(), slug), "portal/topic", slug);
        assertThat(cached).isNotNull();
        return cached;
    }

    private RenderedPage frontPage() {
        assertThat(mvc.get().uri("/")).hasStatusOk();
        RenderedPage cached = pages.peek(PageVersion.frontPage(catalogue.snapshot()), "portal/front-page", "/");
        assertThat(cached).isNotNull();
        return cached;
    }

    private static String text(RenderedPage page) {
        return new String(page.plain(), StandardCharsets.UTF_8);
    }

    private void edit(SelfServiceDetails service, String title, String intro, PlannedDowntime downtime) {
        ActionPageContent before = PortalTestData.anActionPage(title);
        SystemPrincipal.run(() -> actionPages.write(service.id(), new ActionPageContent(title, intro,
                before.beforeYouStart(), before.startLabel(), before.continuesOn(), before.alternatives(),
                before.afterwards(), before.moreInformation(), before.rules(), before.fees(), before.deadlines(),
                downtime)));
    }

    @Test
    void anEditedTextIsOnItsPagesAtOnceAndLeavesEveryOtherPageTheSameCachedObject() {
        SelfServiceDetails edited = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/redigeret"));
        SelfServiceDetails other = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/anden"));
        RenderedPage editedPage = actionPage(edited, 101);
        RenderedPage otherPage = actionPage(other, 101);
        RenderedPage otherWithoutCode = actionPage(other, null);
        RenderedPage front = frontPage();
        RenderedPage nationalTopic = topicPage(NATIONAL_TOPIC);
        RenderedPage municipalTopic = topicPage(MUNICIPAL_TOPIC);

        edit(edited, "Skriv barnet op, ny titel", "En helt ny indledning. Den er for alle.", null);

        RenderedPage editedAfter = actionPage(edited, 101);
        assertThat(editedAfter).isNotSameAs(editedPage);
        assertThat(text(editedAfter)).contains("En helt ny indledning.").contains("Skriv barnet op, ny titel");
        assertThat(text(topicPage(MUNICIPAL_TOPIC))).as("its topic lists the new title")
                .contains("Skriv barnet op, ny titel");
        assertThat(actionPage(other, 101)).isSameAs(otherPage);
        assertThat(actionPage(other, null)).isSameAs(otherWithoutCode);
        assertThat(frontPage()).as("not among the most used").isSameAs(front);
        assertThat(topicPage(NATIONAL_TOPIC)).as("another topic").isSameAs(nationalTopic);
        assertThat(topicPage(MUNICIPAL_TOPIC)).isNotSameAs(municipalTopic);

        SelfServiceDetails onTheFrontPage = catalogue.snapshot().mostUsed().get(0).service();
        RenderedPage frontBefore = frontPage();
        edit(onTheFrontPage, "Meld flytning, ny titel", "Ny indledning. Den er for alle.", null);
        assertThat(text(frontPage())).as("most used shows the new title").contains("Meld flytning, ny titel");
        assertThat(frontPage()).isNotSameAs(frontBefore);
        assertThat(actionPage(other, 101)).isSameAs(otherPage);
    }

    @Test
    void aChangedMunicipalLinkIsOnThePageAtOnceAndLeavesAnotherServicesPage() {
        SelfServiceDetails linked = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/foer",
                461, "https://www.odense.dk/foer"));
        SelfServiceDetails other = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/uroert"));
        RenderedPage before = actionPage(linked, 101);
        RenderedPage otherPage = actionPage(other, 101);
        assertThat(text(before)).contains("Du fortsætter på kk.dk.");

        SystemPrincipal.run(() -> links.setLink(linked.id(), 101, "https://selvbetjening.kk.dk/efter", null));

        assertThat(text(actionPage(linked, 101))).contains("Du fortsætter på selvbetjening.kk.dk.");
        assertThat(actionPage(other, 101)).isSameAs(otherPage);

        SystemPrincipal.run(() -> links.setLink(linked.id(), 101, "", null));
        assertThat(text(actionPage(linked, 101))).doesNotContain("Du fortsætter på")
                .doesNotContain("start-button");
        assertThat(actionPage(other, 101)).isSameAs(otherPage);
    }

    @Test
    void aTakenDownOrArchivedPageIsGoneAtOnceAndLeavesAnotherServicesPage() {
        SelfServiceDetails takenDown = data.publishedNational("https://www.borger.dk/tages-ned");
        SelfServiceDetails archived = data.publishedNational("https://www.borger.dk/arkiveres");
        SelfServiceDetails other = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/bliver"));
        assertThat(text(actionPage(takenDown, null))).contains("Her kan du gøre det online.");
        actionPage(archived, null);
        RenderedPage otherPage = actionPage(other, 101);

        SystemPrincipal.run(() -> actionPages.unpublish(takenDown.id()));
        SystemPrincipal.run(() -> actionPages.archive(archived.id()));

        assertThat(text(actionPage(takenDown, null))).as("the short description only")
                .contains(takenDown.shortDescription()).doesNotContain("Her kan du gøre det online.");
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.get().uri("/handlingsside/" + archived.slug())).hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(text(topicPage(NATIONAL_TOPIC))).doesNotContain(archived.slug()).contains(takenDown.slug());
        assertThat(actionPage(other, 101)).isSameAs(otherPage);
    }

    @Test
    void aPlannedDowntimeNoticeComesOnTurnsToClosedAndGoesOffOnTimeOnItsPageOnly() {
        SelfServiceDetails closing = data.publishedNational("https://www.borger.dk/lukker");
        SelfServiceDetails other = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/aaben"));
        Instant from = clock.instant().plus(Duration.ofDays(2));
        edit(closing, "Meld flytning, der lukker", "Her kan du melde flytning. Den er for alle.",
                new PlannedDowntime(from, from.plus(Duration.ofHours(6)), "Vi opdaterer systemet."));
        RenderedPage withoutNotice = actionPage(closing, null);
        RenderedPage otherPage = actionPage(other, 101);
        assertThat(text(withoutNotice)).doesNotContain("Vi opdaterer systemet.");

        clock.set(from.minus(Duration.ofHours(23)));
        RenderedPage notice = actionPage(closing, null);
        assertThat(text(notice)).contains("Vi opdaterer systemet.").contains("Selvbetjeningen lukker snart");
        assertThat(actionPage(other, 101)).isSameAs(otherPage);

        clock.set(from.plus(Duration.ofHours(1)));
        assertThat(text(actionPage(closing, null))).contains("Selvbetjeningen er lukket lige nu");
        assertThat(actionPage(other, 101)).isSameAs(otherPage);

        clock.set(from.plus(Duration.ofHours(7)));
        assertThat(actionPage(closing, null)).as("the page as it was before the notice").isSameAs(withoutNotice);
        assertThat(actionPage(other, 101)).isSameAs(otherPage);
    }

    @Test
    void anOwnersChangeIsOnItsServicesPagesAndAMunicipalitysOnEveryPage() {
        SelfServiceDetails owned = data.publishedNational("https://www.borger.dk/ejer");
        SelfServiceDetails other = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/ejer-uroert"));
        SelfServiceDetails roskilde = data.publishedMunicipal(Map.of(265, "https://www.roskilde.dk/a"));
        assertThat(text(actionPage(owned, null))).contains("+45 70 00 00 00");
        RenderedPage otherPage = actionPage(other, 101);
        RenderedPage roskildePage = actionPage(roskilde, 265);
        assertThat(text(roskildePage)).contains("Ansvarlig myndighed: Roskilde<");

        AuthorityDetails owner = data.authorityOf(owned);
        AuthorityInput same = AuthorityInput.of(owner);
        accounts.runAs(accounts.editor(), () -> authorities.update(owner.id(), owner.version(), new AuthorityInput(
                same.name(), same.type(), same.cvrNumber(), same.municipalityCode(), same.regionCode(),
                same.homepageUrl(), "+45 33 33 33 33", same.contactEmail())));

        assertThat(text(actionPage(owned, null))).contains("+45 33 33 33 33").doesNotContain("+45 70 00 00 00");
        assertThat(actionPage(other, 101)).as("another owner's service").isSameAs(otherPage);
        assertThat(actionPage(roskilde, 265)).isSameAs(roskildePage);

        SystemPrincipal.run(() -> authorities.register(AuthorityFixtures.aMunicipality(265, "Roskilde Kommune")));
        assertThat(text(actionPage(roskilde, 265))).contains("Ansvarlig myndighed: Roskilde Kommune")
                .contains("mailto:post@kommune-265.dk");
    }

    @Test
    void aRenamedTopicIsOnTheFrontPageAndItsTopicPageAfterAChangeOfUnknownExtent() {
        SelfServiceDetails other = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/emne-uroert"));
        RenderedPage otherPage = actionPage(other, 101);
        RenderedPage front = frontPage();
        String title = jdbc.queryForObject("SELECT title FROM topic WHERE slug = ?", String.class, NATIONAL_TOPIC);
        try {
            jdbc.update("UPDATE topic SET title = ? WHERE slug = ?", "Bolig, flytning og adresse", NATIONAL_TOPIC);
            // topics change by migration: what reaches a node is a change of unknown extent (ADR 0019)
            events.publishEvent(new ChangedOnAnotherNode(Map.of("portal.catalogue", Set.of()), false));

            assertThat(text(frontPage())).contains("Bolig, flytning og adresse");
            assertThat(frontPage()).isNotSameAs(front);
            assertThat(text(topicPage(NATIONAL_TOPIC))).contains("Bolig, flytning og adresse");
            assertThat(actionPage(other, 101)).isNotSameAs(otherPage);
        } finally {
            jdbc.update("UPDATE topic SET title = ? WHERE slug = ?", title, NATIONAL_TOPIC);
            events.publishEvent(new ChangedOnAnotherNode(Map.of("portal.catalogue", Set.of()), false));
        }
    }

    @Test
    void aBuildFromScratchLeavesThePagesOfUnchangedServicesTheSameCachedObjects() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/fra-bunden"));
        RenderedPage page = actionPage(service, 101);
        RenderedPage front = frontPage();
        RenderedPage topic = topicPage(MUNICIPAL_TOPIC);
        PortalService before = catalogue.snapshot().service(service.id()).orElseThrow();

        events.publishEvent(new ChangedOnAnotherNode(Map.of("portal.catalogue", Set.of()), false));

        assertThat(catalogue.snapshot().service(service.id()).orElseThrow()).as("read again")
                .isNotSameAs(before).isEqualTo(before);
        assertThat(actionPage(service, 101)).isSameAs(page);
        assertThat(frontPage()).isSameAs(front);
        assertThat(topicPage(MUNICIPAL_TOPIC)).isSameAs(topic);
    }
}
