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

/** Who may change which links, what is audited and announced, and every rule of the CSV import. */
@ActingAsSystem
@SpringBootTest(properties = "test.context=municipallink")
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
        assertThat(events.stream(MunicipalLinkChanged.class)).containsExactlyInAnyOrder(
                new MunicipalLinkChanged(one.id(), 101), new MunicipalLinkChanged(two.id(), 461));

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
    void anImportWritesTheChangedRowsAuditsThemAndAnnouncesEachChangedServiceOnce() {
        SelfServiceDetails one = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a", 147, "https://fb.dk/a"));
        SelfServiceDetails two = data.publishedMunicipal(Map.of());
        TestAccount editor = accounts.editor();
        events.clear();
        ImportReport report = accounts.runAs(editor, () -> links.importCsv(csv(
                "101;" + one.slug() + ";https://www.kk.dk/b",
                "147;" + one.slug() + ";",
                "461;" + one.slug() + ";https://odense.dk/b",
                "0851;" + two.slug() + ";https://aalborg.dk/b",
                "751;" + two.slug() + ";https://aarhus.dk/b",
                ";;",
                "147;" + two.slug() + ";https://fb.dk/a"), false));
        assertThat(report).isEqualTo(new ImportReport(true, 6, 5, 1, 0, java.util.List.of()));
        assertThat(links.linksOf(one.id())).extracting(MunicipalLinkSummary::municipalityCode, MunicipalLinkSummary::url)
                .containsExactly(tuple(101, "https://www.kk.dk/b"), tuple(147, "https://fb.dk/a"), tuple(461, "https://odense.dk/b"));
        assertThat(links.linksOf(two.id())).extracting(MunicipalLinkSummary::municipalityCode)
                .containsExactly(147, 751, 851);
        assertThat(events.stream(MunicipalLinkChanged.class)).containsExactlyInAnyOrder(
                new MunicipalLinkChanged(one.id(), Set.of(101, 461)), new MunicipalLinkChanged(two.id(), Set.of(147, 751, 851)));
        assertThat(audit.history("kommunelink", one.id())).filteredOn(e -> e.action().equals("importeret"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(editor.email());
                    assertThat(e.details()).isEqualTo("101: https://www.kk.dk/a → https://www.kk.dk/b; 461: (mangler) → https://odense.dk/b");
                });
    }

    @Test
    void anImportReportsEveryBadRowByLineAndWritesNothing() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        SelfServiceDetails national = data.publishedNational("https://www.borger.dk/x");
        SelfServiceDetails draft = services.add(SelfServiceFixtures.aMunicipalSelfService(data.stateAuthority().id()));
        String slug = service.slug();
        ImportReport report = accounts.runAs(aalborgEditor(), () -> links.importCsv(csv(
                "851;" + slug + ";https://www.aalborg.dk/ok",         // 2: valid
                "999;" + slug + ";https://a.dk",                       // 3: unknown municipality
                "abc;" + slug + ";",                                   // 4: not a code
                ";" + slug + ";https://a.dk",                          // 5: no code
                "851;findes-ikke;https://a.dk",                        // 6: unknown service
                "851;" + national.slug() + ";https://a.dk",            // 7: national
                "851;" + draft.slug() + ";https://a.dk",               // 8: not published
                "851;;https://a.dk",                                   // 9: no service
                "860;" + slug + ";http://www.hjoerring.dk/a",          // 10: not https (and not Aalborg's)
                "849;" + slug + ";www.jammerbugt.dk/a",                // 11: not a URL (and not Aalborg's)
                "101;" + slug + ";https://www.kk.dk/b",                // 12: another municipality
                "147;" + slug + ";",                                   // 13: unchanged, allowed
                "773;" + slug + ";https://morsoe.dk/a",                // 14: duplicate of 15, not Aalborg's
                "773;" + slug + ";https://morsoe.dk/b"), false));      // 15
        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).isEqualTo(14);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.invalid()).isEqualTo(12);
        assertThat(report.errors()).extracting(e -> e.line() + " " + messages.getMessage(e.messageKey(), e.argumentArray(),
                java.util.Locale.forLanguageTag("da"))).containsExactly(
                "3 Kommunekoden \"999\" findes ikke. Brug en af de 98 kommunekoder, fx 101.",
                "4 Kommunekoden \"abc\" findes ikke. Brug en af de 98 kommunekoder, fx 101.",
                "5 Kommunekoden mangler.",
                "6 Vi kender ikke selvbetjeningen \"findes-ikke\". Brug teksten fra kolonnen Selvbetjening i en hentet fil.",
                "7 Selvbetjeningen \"" + national.slug() + "\" er landsdækkende og har ikke kommunelinks.",
                "8 Vi kender ikke selvbetjeningen \"" + draft.slug() + "\". Brug teksten fra kolonnen Selvbetjening i en hentet fil.",
                "9 Selvbetjeningen mangler.",
                "10 Ny URL \"http://www.hjoerring.dk/a\" starter ikke med https://. Skriv hele adressen, fx https://www.kommune.dk/ansoeg.",
                "10 Du må ikke rette links for Hjørring (kommunekode 860).",
                "11 Ny URL \"www.jammerbugt.dk/a\" er ikke en gyldig adresse. Skriv hele adressen, fx https://www.kommune.dk/ansoeg.",
                "11 Du må ikke rette links for Jammerbugt (kommunekode 849).",
                "12 Du må ikke rette links for København (kommunekode 101).",
                "14 Du må ikke rette links for Morsø (kommunekode 773).",
                "14 Kommunekode 773 og selvbetjeningen \"" + slug + "\" står flere gange i filen (linje 14, 15). Behold kun én række.",
                "15 Du må ikke rette links for Morsø (kommunekode 773).",
                "15 Kommunekode 773 og selvbetjeningen \"" + slug + "\" står flere gange i filen (linje 14, 15). Behold kun én række.");
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url).containsExactly("https://www.kk.dk/a");
    }

    @Test
    void anImportAppliesTheValidRowsWhenTheUploaderChoosesTo() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        byte[] file = csv("101;" + service.slug() + ";https://www.kk.dk/ok", "999;" + service.slug() + ";https://x.dk",
                "147;" + service.slug() + ";ftp://fb.dk");
        ImportReport refused = links.importCsv(file, false);
        assertThat(refused).extracting(ImportReport::applied, ImportReport::changed, ImportReport::invalid)
                .containsExactly(false, 1, 2);
        assertThat(links.linksOf(service.id())).isEmpty();

        ImportReport applied = links.importCsv(file, true);
        assertThat(applied).extracting(ImportReport::applied, ImportReport::rows, ImportReport::changed,
                ImportReport::unchanged, ImportReport::invalid).containsExactly(true, 3, 1, 0, 2);
        assertThat(applied.errors()).extracting(ImportReport.RowError::line).containsExactly(3L, 4L);
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url).containsExactly("https://www.kk.dk/ok");
    }

    @Test
    void aFileWithoutTheNeededColumnsOrThatIsNotCsvIsReportedAtItsLine() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        ImportReport noColumn = links.importCsv(LinkFiles.withHeader("Kommunekode;Selvbetjening;URL",
                "101;" + service.slug() + ";https://www.kk.dk"), true);
        assertThat(noColumn.applied()).isFalse();
        assertThat(noColumn.errors()).containsExactly(new ImportReport.RowError(1, "municipallink.import.error.column",
                java.util.List.of("Ny URL")));

        ImportReport broken = links.importCsv(csv("101;" + service.slug() + ";https://www.kk.dk",
                "147;\"" + service.slug() + ";https://fb.dk"), true);
        assertThat(broken.errors()).extracting(ImportReport.RowError::line, ImportReport.RowError::messageKey)
                .containsExactly(tuple(3L, "municipallink.import.error.syntax"));
        assertThat(links.importCsv(new byte[0], true).errors()).extracting(ImportReport.RowError::messageKey)
                .containsExactly("municipallink.import.error.empty");
        assertThat(links.linksOf(service.id())).isEmpty();
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
