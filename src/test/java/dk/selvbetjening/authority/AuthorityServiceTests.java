package dk.selvbetjening.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The register kept by editors: create, change, retire, reinstate, each audited; an outdated version changes nothing;
 * the CSV import stores every row or none; the 98 municipalities and 5 regions are tested on an empty database in
 * {@code dk.selvbetjening.flow.EmptyDatabaseFlowPostgresTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorityServiceTests {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    PortalTestData data;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvcTester mvc;

    private TestAccount editor;

    @BeforeEach
    void editor() {
        editor = accounts.editor();
    }

    private <T> T asEditor(java.util.function.Supplier<T> action) {
        return accounts.runAs(editor, action);
    }

    private static AuthorityInput state(String name, String cvr) {
        return new AuthorityInput(name, "STATE", cvr, null, null, "https://www.example-styrelse.dk", null, null);
    }

    private List<String> errorTexts(AuthorityImportReport report) {
        return report.errors().stream().map(e -> e.line() + " " + e.column() + ": "
                + messages.getMessage(e.messageKey(), e.argumentArray(), DANISH)).toList();
    }

    @Test
    void anEditorCreatesChangesRetiresAndReinstatesAnAuthorityAndEachStepIsAudited() {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        AuthorityDetails created = asEditor(() -> authorities.create(state("Registerstyrelsen", cvr)));
        assertThat(created.isSelectable()).isTrue();
        assertThat(authorities.selectable()).contains(created);

        AuthorityDetails changed = asEditor(() -> authorities.update(created.id(), created.version(),
                new AuthorityInput("Registerstyrelsen", "STATE", cvr, null, null, "https://www.example-styrelse.dk",
                        "+45 33 92 33 00", "post@example-styrelse.dk")));
        assertThat(changed.version()).isEqualTo(created.version() + 1);
        assertThat(changed.contactPhone()).isEqualTo("+45 33 92 33 00");

        AuthorityDetails retired = asEditor(() -> authorities.retire(created.id(), changed.version()));
        assertThat(retired.isRetired()).isTrue();
        assertThat(authorities.selectable()).doesNotContain(retired);
        assertThat(authorities.authorities(AuthorityFilter.ACTIVE)).extracting(AuthorityDetails::id)
                .doesNotContain(created.id());
        assertThat(authorities.authorities()).extracting(AuthorityDetails::id).contains(created.id());

        AuthorityDetails reinstated = asEditor(() -> authorities.reinstate(created.id(), retired.version()));
        assertThat(reinstated.isRetired()).isFalse();
        assertThat(authorities.history(created.id())).extracting(AuditEntrySummary::action)
                .containsExactly("oprettet", "ændret", "nedlagt", "aktiv igen");
        assertThat(authorities.history(created.id()).get(1).details())
                .isEqualTo("telefon: (mangler) → +45 33 92 33 00; e-mail: (mangler) → post@example-styrelse.dk");
        assertThat(authorities.history(created.id()).get(0).actor()).isEqualTo(editor.email());
    }

    @Test
    void aChangeOrRetirementReadAtAnOlderVersionChangesNothing() {
        AuthorityDetails created = asEditor(() -> authorities.create(state("Samtidighedsstyrelsen",
                AuthorityFixtures.aCvrNumber().value())));
        asEditor(() -> authorities.update(created.id(), created.version(), new AuthorityInput("Samtidighedsstyrelsen",
                "STATE", created.cvrNumber(), null, null, null, null, null)));
        assertThatThrownBy(() -> asEditor(() -> authorities.update(created.id(), created.version(),
                state("Gammelt navn", created.cvrNumber()))))
                .isInstanceOfSatisfying(StaleAuthorityException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("authority.error.stale"));
        assertThatThrownBy(() -> asEditor(() -> authorities.retire(created.id(), created.version())))
                .isInstanceOf(StaleAuthorityException.class);
        assertThat(authorities.authority(created.id()).name()).isEqualTo("Samtidighedsstyrelsen");
        assertThat(authorities.authority(created.id()).isRetired()).isFalse();
    }

    @Test
    void savingTheSameValuesWritesNoVersionAndNoAuditEntry() {
        AuthorityDetails created = asEditor(() -> authorities.create(state("Uændretstyrelsen", null)));
        AuthorityDetails same = asEditor(() -> authorities.update(created.id(), created.version(),
                AuthorityInput.of(created)));
        assertThat(same.version()).isEqualTo(created.version());
        assertThat(authorities.history(created.id())).hasSize(1);
    }

    @Test
    void anAuthorityWithoutCvrNumberIsIncompleteAndCannotBeChosen() {
        AuthorityDetails created = asEditor(() -> authorities.create(state("Ventestyrelsen", " ")));
        assertThat(created.cvrNumber()).isNull();
        assertThat(created.isComplete()).isFalse();
        assertThat(authorities.selectable()).extracting(AuthorityDetails::id).doesNotContain(created.id());
        assertThat(authorities.authorities(new AuthorityFilter(null, false, true))).extracting(AuthorityDetails::id)
                .contains(created.id());
    }

    @Test
    void onlyEditorsChangeTheRegister() {
        TestAccount authorityEditor = accounts.authorityEditor(data.stateAuthority().id());
        assertThatThrownBy(() -> accounts.runAs(authorityEditor, () -> authorities.create(state("Forbudt", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> authorities.create(state("Forbudt", null)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(authorities.authorities()).extracting(AuthorityDetails::name).doesNotContain("Forbudt");
    }

    @Test
    void aRenamedAuthorityIsShownToCitizensAtOnce() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/omdoebt");
        AuthorityDetails owner = data.authorityOf(service);
        assertThat(mvc.get().uri("/api/v1/services/" + service.slug())).bodyJson()
                .extractingPath("$.authority.name").isEqualTo(owner.name());
        asEditor(() -> authorities.update(owner.id(), owner.version(), new AuthorityInput("Den Nye Styrelse",
                "STATE", owner.cvrNumber(), null, null, owner.homepageUrl(), owner.contactPhone(),
                owner.contactEmail())));
        assertThat(mvc.get().uri("/api/v1/services/" + service.slug())).bodyJson()
                .extractingPath("$.authority.name").isEqualTo("Den Nye Styrelse");
    }

    @Test
    void aCsvFileWithOrWithoutByteOrderMarkCreatesItsAuthorities() {
        String first = AuthorityFixtures.aCvrNumber().value();
        String second = AuthorityFixtures.aCvrNumber().value();
        String file = "Navn;Type;CVR-nummer;Hjemmeside;Telefon\r\n"
                + "Importstyrelsen;Stat;" + first + ";https://import.example.dk;+45 70 00 00 01\r\n"
                + "\"Import; og Eksport A/S\";privat;" + second + ";;\r\n";
        AuthorityImportReport withBom = asEditor(() -> authorities.importCsv(
                ("\uFEFF" + file).getBytes(StandardCharsets.UTF_8)));
        assertThat(withBom).isEqualTo(new AuthorityImportReport(true, 2, 2, 0, 0, 0, List.of()));
        assertThat(authorities.authorityByCvr(new CvrNumber(second))).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo("Import; og Eksport A/S");
            assertThat(a.type()).isEqualTo(AuthorityType.PRIVATE);
        });
        assertThat(authorities.history(authorities.authorityByCvr(new CvrNumber(first)).orElseThrow().id()))
                .extracting(AuditEntrySummary::action).containsExactly("oprettet ved CSV-import");

        String third = AuthorityFixtures.aCvrNumber().value();
        AuthorityImportReport withoutBom = asEditor(() -> authorities.importCsv(
                ("Navn;Type;CVR-nummer\r\nUdenbomstyrelsen;STATE;" + third + "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(withoutBom.applied()).isTrue();
        assertThat(authorities.authorityByCvr(new CvrNumber(third))).isPresent();
    }

    @Test
    void oneBadRowStoresNothingAndEveryErrorIsListedByLineInDanish() {
        String good = AuthorityFixtures.aCvrNumber().value();
        String twice = AuthorityFixtures.aCvrNumber().value();
        String file = "Navn;Type;CVR-nummer;Kommunekode\r\n"
                + "Godstyrelsen;Stat;" + good + ";\r\n"
                + "Fejlstyrelsen;Stat;12345678;\r\n"
                + "Førstestyrelsen;Stat;" + twice + ";\r\n"
                + "Andenstyrelsen;Kontor;" + twice + ";101\r\n";
        AuthorityImportReport report = asEditor(() -> authorities.importCsv(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.invalid()).isEqualTo(2);
        assertThat(report.created()).isEqualTo(2);
        assertThat(errorTexts(report)).containsExactly(
                "3 CVR-nummer: CVR-nummeret \"12345678\" er ikke gyldigt. Det har 8 cifre, og kontrolcifferet skal "
                        + "passe (modulus 11), fx 29189919. Tjek nummeret i CVR-registret.",
                "5 Type: Vælg myndighedens type: statslig myndighed, region, kommune eller privat aktør.",
                "5 CVR-nummer: CVR-nummeret " + twice + " står også i linje 4. En myndighed må kun stå én gang i filen.");
        assertThat(authorities.authorityByCvr(new CvrNumber(good))).as("nothing stored").isEmpty();
    }

    @Test
    void aFileThatIsNotTheRegistersIsRefusedWithTheLineToLookAt() {
        AuthorityImportReport missingColumn = asEditor(() -> authorities.importCsv(
                "Navn;CVR-nummer\r\nX;\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(errorTexts(missingColumn)).containsExactly(
                "1 Type: Filen mangler kolonnen \"Type\". Brug overskrifterne fra en hentet fil.");
        AuthorityImportReport broken = asEditor(() -> authorities.importCsv(
                "Navn;Type\r\nA;Stat\r\n\"B;Stat\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(broken.applied()).isFalse();
        assertThat(broken.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(3));
        assertThat(asEditor(() -> authorities.importCsv(new byte[0])).errors()).singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("authority.import.error.empty"));
    }

    @Test
    void anExportedFileWithTheCvrNumberFilledInCompletesTheAuthorityAndLeavesTheRestAlone() {
        AuthorityDetails waiting = asEditor(() -> authorities.create(new AuthorityInput("Eksportstyrelsen", "STATE",
                null, null, null, null, "+45 70 70 70 70", null)));
        String exported = new String(authorities.exportCsv(AuthorityFilter.ALL), StandardCharsets.UTF_8);
        assertThat(exported).startsWith("\uFEFFId;Navn;Type;CVR-nummer;Kommunekode;Regionskode;Hjemmeside;Telefon;"
                + "E-mail;Status\r\n");
        String row = waiting.id() + ";Eksportstyrelsen;Stat;;;;;'+45 70 70 70 70;;Mangler CVR-nummer";
        assertThat(exported).contains(row);
        String cvr = AuthorityFixtures.aCvrNumber().value();
        String filled = exported.replace(row, row.replace("Stat;;", "Stat;" + cvr + ";"));
        int rows = exported.split("\r\n").length - 1;

        AuthorityImportReport report = asEditor(() -> authorities.importCsv(filled.getBytes(StandardCharsets.UTF_8)));
        assertThat(report).isEqualTo(new AuthorityImportReport(true, rows, 0, 1, rows - 1, 0, List.of()));
        AuthorityDetails completed = authorities.authority(waiting.id());
        assertThat(completed.cvrNumber()).isEqualTo(cvr);
        assertThat(completed.contactPhone()).as("Excel's apostrophe is dropped again").isEqualTo("+45 70 70 70 70");
        assertThat(authorities.history(waiting.id())).extracting(AuditEntrySummary::details)
                .last().isEqualTo("CVR-nummer: (mangler) → " + cvr);
    }

    @Test
    void aColumnLeftOutOfTheFileKeepsEachAuthoritysValue() {
        AuthorityDetails kept = asEditor(() -> authorities.create(new AuthorityInput("Beholdstyrelsen", "STATE", null,
                null, null, "https://behold.example.dk", "+45 70 10 10 10", "post@behold.example.dk")));
        String cvr = AuthorityFixtures.aCvrNumber().value();
        AuthorityImportReport report = asEditor(() -> authorities.importCsv(("Id;Navn;Type;CVR-nummer\r\n"
                + kept.id() + ";Beholdstyrelsen;Stat;" + cvr + "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.changed()).isEqualTo(1);
        assertThat(authorities.authority(kept.id())).satisfies(a -> {
            assertThat(a.cvrNumber()).isEqualTo(cvr);
            assertThat(a.homepageUrl()).isEqualTo("https://behold.example.dk");
            assertThat(a.contactEmail()).isEqualTo("post@behold.example.dk");
        });
    }
}
