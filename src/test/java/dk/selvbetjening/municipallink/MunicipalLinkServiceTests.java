package dk.selvbetjening.municipallink;

import static dk.selvbetjening.municipallink.LinkFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.SeparateDatabase;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Who may change which links, what is audited and announced, the link checker's verdicts and the deep links. The CSV
 * import's rules are in {@link MunicipalLinkImportContract}, run on H2 and on PostgreSQL.
 */
@ActingAsSystem
@SpringBootTest
@SeparateDatabase("municipallink")
@RecordApplicationEvents
class MunicipalLinkServiceTests {

    @Autowired
    MunicipalLinkService links;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    SelfServiceService services;

    @Autowired
    AuditLog audit;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationEvents events;

    @Autowired
    NormalizedUrlCatchUp catchUp;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void forgetWhoIsLoggedIn() {
        SecurityContextHolder.clearContext();
    }

    private TestAccount aalborgEditor() {
        AuthorityDetails aalborg = data.municipality(851, "Aalborg Kommune");
        return accounts.authorityEditor(aalborg.id());
    }

    @Test
    void anEditorChangesAnyMunicipalitysLinkAndTheChangeIsAudited() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/gammel"));
        TestAccount editor = accounts.editor();
        accounts.runAs(editor, () -> links.setLink(service.id(), 101, "https://www.kk.dk/ny", "Ny side"));
        accounts.runAs(editor, () -> links.setLink(service.id(), 851, "https://www.aalborg.dk/ny", null));
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::municipalityCode, MunicipalLinkSummary::url)
                .containsExactly(tuple(101, "https://www.kk.dk/ny"), tuple(851, "https://www.aalborg.dk/ny"));
        assertThat(audit.history("kommunelink", service.id())).filteredOn(e -> e.actor().equals(editor.email()))
                .extracting(e -> e.action() + " " + e.details())
                .containsExactly("ændret 101: https://www.kk.dk/gammel → https://www.kk.dk/ny (titel: Ny side)",
                        "ændret 851: (mangler) → https://www.aalborg.dk/ny");
    }

    @Test
    void findsTheLinksWithANormalizedUrlAsTheCatalogueComparesUrlsAndForgetsAChangedOne() {
        String path = "/sammenlign/" + java.util.UUID.randomUUID();
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "HTTPS://WWW.KK.DK" + path + "/#top"));
        String normalized = dk.selvbetjening.catalogue.ServiceUrl.normalize("https://www.kk.dk" + path);
        assertThat(normalized).isEqualTo("https://www.kk.dk" + path);

        assertThat(links.withNormalizedUrls(java.util.List.of(normalized, "https://ingen.example.dk")))
                .containsOnlyKeys(normalized).extractingByKey(normalized).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.list(MunicipalLinkSummary.class))
                .extracting(MunicipalLinkSummary::selfServiceId, MunicipalLinkSummary::municipalityCode)
                .containsExactly(tuple(service.id(), 101));

        links.setLink(service.id(), 101, "https://www.kk.dk/andet" + path, null);
        assertThat(links.withNormalizedUrls(java.util.List.of(normalized))).isEmpty();
        assertThat(links.withNormalizedUrls(java.util.List.of("https://www.kk.dk/andet" + path))).containsOnlyKeys(
                "https://www.kk.dk/andet" + path);
        links.setLink(service.id(), 101, "", null);
        assertThat(links.withNormalizedUrls(java.util.List.of("https://www.kk.dk/andet" + path))).isEmpty();
    }

    @Test
    void aLinkAnOlderNodeWroteWithoutItsNormalizedUrlIsFilledInByTheCatchUp() {
        String path = "/gammel-node/" + java.util.UUID.randomUUID();
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        // as the previous release writes a link during a rolling upgrade: without normalized_url
        jdbc.sql("INSERT INTO municipal_link (id, self_service_id, municipality_code, url, updated_at) "
                        + "VALUES (?, ?, 101, ?, CURRENT_TIMESTAMP)")
                .params(java.util.UUID.randomUUID(), service.id(), "https://WWW.KK.DK" + path + "/").update();
        String normalized = "https://www.kk.dk" + path;
        assertThat(links.withNormalizedUrls(java.util.List.of(normalized))).isEmpty();

        // the job itself, not its lock: the run at start-up holds the lock for 30 s (JobLocksTests checks the lock fits)
        org.springframework.test.util.AopTestUtils.<NormalizedUrlCatchUp>getTargetObject(catchUp).fillIn();
        assertThat(links.withNormalizedUrls(java.util.List.of(normalized))).containsOnlyKeys(normalized);
    }

    @Test
    void aMunicipalityEditorChangesOnlyItsOwnMunicipalitysLinks() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        TestAccount aalborg = aalborgEditor();
        assertThat(accounts.runAs(aalborg, links::editRights)).isEqualTo(new LinkEditRights(false, Set.of(851)));
        accounts.runAs(aalborg, () -> links.setLink(service.id(), 851, "https://www.aalborg.dk/a", null));
        assertThatThrownBy(() -> accounts.runAs(aalborg, () -> links.setLink(service.id(), 101, "https://ondt.example", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url)
                .containsExactly("https://www.kk.dk/a", "https://www.aalborg.dk/a");
    }

    @Test
    void anEditorOfAnAuthorityThatIsNoMunicipalityChangesNoLinks() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        AuthorityDetails agency = authorities.register(AuthorityFixtures.aStateAuthority("Linkstyrelsen"));
        TestAccount agencyEditor = accounts.authorityEditor(agency.id());
        assertThat(accounts.runAs(agencyEditor, links::editRights).mayEditAny()).isFalse();
        assertThatThrownBy(() -> accounts.runAs(agencyEditor, () -> links.setLink(service.id(), 101, "https://kk.dk", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(agencyEditor, () -> links.importCsv(csv("101;" + service.slug() + ";https://kk.dk"), true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(links.linksOf(service.id())).isEmpty();
    }

    @Test
    void anAnonymousVisitorChangesNoLinks() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(links.editRights().mayEditAny()).isFalse();
        assertThatThrownBy(() -> links.setLink(service.id(), 101, "https://kk.dk", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> links.importCsv(csv("101;" + service.slug() + ";https://kk.dk"), true))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyAtAllChangesNoLinksAndGivesNoVerdictsButTheSystemDoes() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/uden-afsender"));
        SecurityContextHolder.clearContext();
        assertThat(links.editRights().mayEditAny()).isFalse();
        assertThatThrownBy(() -> links.setLink(service.id(), 147, "https://fb.dk", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> links.importCsv(csv("101;" + service.slug() + ";https://kk.dk/b"), true))
                .isInstanceOf(AccessDeniedException.class);
        Instant checked = Instant.parse("2026-05-01T10:00:00Z");
        assertThatThrownBy(() -> links.markChecked("https://www.kk.dk/uden-afsender", true, checked))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(links.linksOf(service.id())).singleElement().satisfies(link -> {
            assertThat(link.url()).isEqualTo("https://www.kk.dk/uden-afsender");
            assertThat(link.broken()).isFalse();
            assertThat(link.lastCheckedAt()).isNull();
        });

        SystemPrincipal.run(() -> links.setLink(service.id(), 147, "https://fb.dk", null));
        assertThat(SystemPrincipal.call(() -> links.markChecked("https://www.kk.dk/uden-afsender", true, checked)))
                .isEqualTo(1);
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url, MunicipalLinkSummary::broken)
                .containsExactly(tuple("https://www.kk.dk/uden-afsender", true), tuple("https://fb.dk", false));
        assertThat(audit.history("kommunelink", service.id())).last()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(AuditLog.SYSTEM));
    }

    @Test
    void theCheckersVerdictMarksEveryLinkWithTheUrlAndANewUrlIsUncheckedAgain() {
        SelfServiceDetails one = data.publishedMunicipal(Map.of(101, "https://faelles.example/ansoeg", 147, "https://fb.dk/a"));
        SelfServiceDetails two = data.publishedMunicipal(Map.of(461, "https://faelles.example/ansoeg"));
        Instant checked = Instant.parse("2026-05-04T08:00:00Z");
        events.clear();
        assertThat(links.markChecked("https://faelles.example/ansoeg", true, checked)).isEqualTo(2);
        assertThat(links.link(one.slug(), 101).orElseThrow())
                .extracting(MunicipalLinkDetails::status, MunicipalLinkDetails::lastCheckedAt)
                .containsExactly(LinkStatus.BROKEN, checked);
        assertThat(links.link(two.slug(), 461).orElseThrow().status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(links.link(one.slug(), 147).orElseThrow().status()).isEqualTo(LinkStatus.PRESENT);
        assertThat(events.stream(MunicipalLinkChanged.class)).containsExactly(
                new MunicipalLinkChanged(Map.of(one.id(), Set.of(101), two.id(), Set.of(461))));

        events.clear();
        links.markChecked("https://faelles.example/ansoeg", true, checked.plusSeconds(3600));
        assertThat(events.stream(MunicipalLinkChanged.class)).as("the same verdict again changes nothing citizens see")
                .isEmpty();

        links.setLink(one.id(), 101, "https://www.kk.dk/rettet", null);
        assertThat(links.link(one.slug(), 101).orElseThrow())
                .extracting(MunicipalLinkDetails::status, MunicipalLinkDetails::lastCheckedAt)
                .containsExactly(LinkStatus.PRESENT, null);
    }

    @Test
    void aVerdictOlderThanTheLinksLastOneChangesNothingAsWhenItIsDeliveredLateOrAgain() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(751, "https://aarhus.dk/sent-dom"));
        Instant earlier = Instant.parse("2026-05-04T08:00:00Z");
        Instant later = earlier.plusSeconds(600);
        assertThat(links.markChecked("https://aarhus.dk/sent-dom", true, later)).isEqualTo(1);
        events.clear();

        assertThat(links.markChecked("https://aarhus.dk/sent-dom", false, earlier)).isZero();
        assertThat(links.link(service.slug(), 751).orElseThrow())
                .extracting(MunicipalLinkDetails::status, MunicipalLinkDetails::lastCheckedAt)
                .containsExactly(LinkStatus.BROKEN, later);
        assertThat(events.stream(MunicipalLinkChanged.class)).isEmpty();

        assertThat(links.markChecked("https://aarhus.dk/sent-dom", true, later)).as("the same verdict once more")
                .isEqualTo(1);
        assertThat(links.link(service.slug(), 751).orElseThrow().status()).isEqualTo(LinkStatus.BROKEN);
    }

    @Test
    void deepLinksListEveryPublishedServiceWithTheMunicipalityChosen() {
        SelfServiceDetails municipal = data.publishedMunicipal(Map.of(461, "https://odense.dk/a"));
        SelfServiceDetails national = data.publishedNational("https://www.borger.dk/b");
        assertThat(links.deepLinks(461)).filteredOn(l -> Set.of(municipal.slug(), national.slug()).contains(l.slug()))
                .containsExactlyInAnyOrder(
                        new DeepLink(municipal.slug(), municipal.title(), true, LinkStatus.PRESENT,
                                "/handlingsside/" + municipal.slug() + "?kommunekode=461"),
                        new DeepLink(national.slug(), national.title(), false, null,
                                "/handlingsside/" + national.slug() + "?kommunekode=461"));
        assertThatThrownBy(() -> links.deepLinks(999)).isInstanceOf(MunicipalityNotFoundException.class);
    }
}
