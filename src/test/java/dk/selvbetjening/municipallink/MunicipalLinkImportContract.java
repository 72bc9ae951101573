package dk.selvbetjening.municipallink;

import static dk.selvbetjening.municipallink.LinkFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.linkhealth.WithoutLinkWatching;
import dk.selvbetjening.municipallink.MunicipalLinkRows.Row;
import dk.selvbetjening.municipallink.MunicipalLinkRows.UrlWrite;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every rule of the CSV import, run on H2 ({@link MunicipalLinkImportH2Tests}, batched JDBC writes) and on PostgreSQL
 * ({@link MunicipalLinkImportPostgresTests}, COPY into a staging table and set-based writes): the same file gives the
 * same report, the same links, the same audit entries and the same events on both. The link checker's registration of
 * the changed links, which follows the events, is left out ({@link WithoutLinkWatching}; linkhealth's tests cover it):
 * a thousand links would take it a minute here.
 */
@ActingAsSystem
@WithoutLinkWatching
@RecordApplicationEvents
abstract class MunicipalLinkImportContract {

    @Autowired
    MunicipalLinkService links;

    @Autowired
    MunicipalLinkRows rows;

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
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /** Whether this database takes the PostgreSQL path (COPY). */
    abstract boolean copies();

    @AfterEach
    void forgetWhoIsLoggedIn() {
        SecurityContextHolder.clearContext();
    }

    private TestAccount aalborgEditor() {
        AuthorityDetails aalborg = data.municipality(851, "Aalborg Kommune");
        return accounts.authorityEditor(aalborg.id());
    }

    @Test
    void writesThroughThePathMeantForThisDatabase() {
        assertThat(rows.copies()).isEqualTo(copies());
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
        assertThat(events.stream(MunicipalLinkChanged.class)).as("one event for the whole import").containsExactly(
                new MunicipalLinkChanged(Map.of(one.id(), Set.of(101, 461), two.id(), Set.of(147, 751, 851))));
        assertThat(audit.history("kommunelink", one.id())).filteredOn(e -> e.action().equals("importeret"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(editor.email());
                    assertThat(e.details()).isEqualTo("101: https://www.kk.dk/a → https://www.kk.dk/b; 461: (mangler) → https://odense.dk/b");
                });
    }

    @Test
    void anImportStoresEachUrlsNormalizedFormAsASingleEditDoes() {
        String path = "/import-normaliseret/" + java.util.UUID.randomUUID();
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a" + path,
                147, "https://fb.dk/a" + path));
        accounts.runAs(accounts.editor(), () -> links.importCsv(csv(
                "101;" + service.slug() + ";HTTPS://WWW.KK.DK/B" + path + "/",
                "147;" + service.slug() + ";",
                "461;" + service.slug() + ";https://Odense.DK/b" + path + "#top"), false));
        // an update (101), a row left as it is (147: an empty cell changes nothing) and a new link (461)

        assertThat(normalizedUrls(service)).containsExactly(
                tuple(101, "HTTPS://WWW.KK.DK/B" + path + "/", "https://www.kk.dk/B" + path),
                tuple(147, "https://fb.dk/a" + path, "https://fb.dk/a" + path),
                tuple(461, "https://Odense.DK/b" + path + "#top", "https://odense.dk/b" + path));
        assertThat(links.withNormalizedUrls(java.util.List.of("https://www.kk.dk/B" + path,
                "https://odense.dk/b" + path, "https://www.kk.dk/a" + path))).containsOnlyKeys(
                "https://www.kk.dk/B" + path, "https://odense.dk/b" + path);
    }

    private java.util.List<org.assertj.core.groups.Tuple> normalizedUrls(SelfServiceDetails service) {
        return jdbc.sql("SELECT municipality_code, url, normalized_url FROM municipal_link WHERE self_service_id = :id "
                        + "ORDER BY municipality_code").param("id", service.id())
                .query((rs, n) -> tuple(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
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
    void importingTheSameFileAgainChangesNothing() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        byte[] file = csv("101;" + service.slug() + ";https://www.kk.dk/b", "147;" + service.slug() + ";https://fb.dk/b");
        assertThat(links.importCsv(file, false)).isEqualTo(new ImportReport(true, 2, 2, 0, 0, List.of()));
        List<MunicipalLinkSummary> first = links.linksOf(service.id());
        int audited = audit.history("kommunelink", service.id()).size();
        events.clear();

        assertThat(links.importCsv(file, false)).isEqualTo(new ImportReport(true, 2, 0, 2, 0, List.of()));
        assertThat(links.linksOf(service.id())).isEqualTo(first);
        assertThat(audit.history("kommunelink", service.id())).hasSize(audited);
        assertThat(events.stream(MunicipalLinkChanged.class)).isEmpty();
    }

    @Test
    void aNewUrlClearsTheCheckersVerdictAndCountsAVersion() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/gammel"));
        links.markChecked("https://www.kk.dk/gammel", true, Instant.parse("2026-05-04T08:00:00Z"));
        long version = jdbc.sql("SELECT version FROM municipal_link WHERE self_service_id = :id")
                .param("id", service.id()).query(Long.class).single();

        links.importCsv(csv("101;" + service.slug() + ";https://www.kk.dk/ny"), false);
        assertThat(links.linksOf(service.id())).singleElement().satisfies(link -> {
            assertThat(link.url()).isEqualTo("https://www.kk.dk/ny");
            assertThat(link.broken()).isFalse();
            assertThat(link.lastCheckedAt()).isNull();
        });
        assertThat(jdbc.sql("SELECT version FROM municipal_link WHERE self_service_id = :id")
                .param("id", service.id()).query(Long.class).single()).isEqualTo(version + 1);
    }

    @Test
    void keepsUrlsWithCommasSemicolonsAndDanishLettersIntact() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        String url = "https://www.kk.dk/søg/børn?felter=a,b;c=æøå&x=%22";
        ImportReport report = links.importCsv(csv("101;" + service.slug() + ";\"" + url + "\""), false);
        assertThat(report.errors()).isEmpty();
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url).containsExactly(url);
    }

    @Test
    void importsMoreRowsThanOneBatchInOneGo() {
        List<MunicipalitySummary> municipalities = authorities.municipalities();
        List<SelfServiceDetails> many = IntStream.range(0, 12).mapToObj(i -> data.publishedMunicipal(Map.of())).toList();
        List<String> lines = new ArrayList<>();
        for (SelfServiceDetails service : many) {
            for (MunicipalitySummary m : municipalities) {
                lines.add(m.code() + ";" + service.slug() + ";https://www.kommune-" + m.code() + ".dk/" + service.slug());
            }
        }
        assertThat(lines).hasSizeGreaterThan(MunicipalLinkRows.BATCH_SIZE);
        events.clear();
        ImportReport report = links.importCsv(csv(lines.toArray(String[]::new)), false);
        assertThat(report).isEqualTo(new ImportReport(true, lines.size(), lines.size(), 0, 0, List.of()));
        for (SelfServiceDetails service : many) {
            assertThat(links.linksOf(service.id())).hasSize(municipalities.size())
                    .allSatisfy(l -> assertThat(l.url()).isEqualTo(
                            "https://www.kommune-" + l.municipalityCode() + ".dk/" + service.slug()));
        }
        assertThat(events.stream(MunicipalLinkChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.selfServiceIds()).hasSize(many.size()));

        List<String> changed = lines.stream().map(l -> l + "/rettet").toList();
        assertThat(links.importCsv(csv(changed.toArray(String[]::new)), false).changed()).isEqualTo(lines.size());
        assertThat(links.linksOf(many.get(0).id())).allSatisfy(l -> assertThat(l.url()).endsWith("/rettet"));
    }

    @Test
    void aLinkChangedSinceItWasReadFailsTheWholeWriteAndNothingIsWritten() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        Row stale = rows.byService(service.id()).get(0);
        links.setLink(service.id(), 101, "https://www.kk.dk/imens", null);
        List<UrlWrite> writes = List.of(new UrlWrite(null, service.id(), 147, "https://fb.dk/ny"),
                new UrlWrite(stale, service.id(), 101, "https://www.kk.dk/import"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> rows.write(writes, Instant.now())))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::municipalityCode, MunicipalLinkSummary::url)
                .containsExactly(tuple(101, "https://www.kk.dk/imens"));
    }

    @Test
    void aLinkAddedSinceTheFileWasReadFailsTheWholeWrite() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        links.setLink(service.id(), 147, "https://fb.dk/imens", null);
        List<UrlWrite> writes = List.of(new UrlWrite(null, service.id(), 101, "https://www.kk.dk/ny"),
                new UrlWrite(null, service.id(), 147, "https://fb.dk/ny"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> rows.write(writes, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::municipalityCode, MunicipalLinkSummary::url)
                .containsExactly(tuple(147, "https://fb.dk/imens"));
    }
}
