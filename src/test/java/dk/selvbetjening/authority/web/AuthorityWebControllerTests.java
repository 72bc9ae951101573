package dk.selvbetjening.authority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.SecuredWebSlice;
import dk.selvbetjening.account.SecuredWebSlice.Logins;
import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFieldError;
import dk.selvbetjening.authority.AuthorityFilter;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityImportReport;
import dk.selvbetjening.authority.AuthorityInput;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.InvalidAuthorityException;
import dk.selvbetjening.authority.MissingAuthorities;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The register's backoffice pages: editors only; the form with its error summary, optimistic concurrency, retiring
 * and reinstating; creating from a connection request and returning to it; the CSV import's report. The register's
 * rules and storage are {@code AuthorityServiceTests}'; here the service is a mock, and each test checks what the
 * page hands it and how the page shows its answer.
 */
@WebMvcTest(AuthorityWebController.class)
@SecuredWebSlice
class AuthorityWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AuthorityService authorities;

    @Autowired
    AccountService accounts;

    private RequestPostProcessor editor;

    @BeforeEach
    void editorAndACompleteRegister() {
        editor = Logins.editor(accounts);
        given(authorities.missing()).willReturn(new MissingAuthorities(List.of(), List.of()));
    }

    private static AuthorityDetails state(String name, String cvr, long version) {
        return new AuthorityDetails(UUID.randomUUID(), name, AuthorityType.STATE, cvr, null, null, null, null, null,
                null, version);
    }

    private static AuthorityDetails retired(AuthorityDetails authority) {
        return new AuthorityDetails(authority.id(), authority.name(), authority.type(), authority.cvrNumber(), null,
                null, null, null, null, Instant.parse("2026-05-01T10:00:00Z"), authority.version() + 1);
    }

    private static AuthorityInput input(String name, String cvr) {
        return new AuthorityInput(name, "STATE", cvr, null, null, null, null, null);
    }

    private static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MvcTestResult post(String uri, String... parameters) {
        var request = mvc.post().uri(uri).with(editor).with(csrf());
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.param(parameters[i], parameters[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void onlyEditorsSeeTheRegister() {
        assertThat(mvc.get().uri("/redaktion/myndigheder")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .endsWith("/redaktion/log-ind");
        RequestPostProcessor authorityEditor = Logins.authorityEditor(accounts, UUID.randomUUID());
        assertThat(mvc.get().uri("/redaktion/myndigheder").with(authorityEditor)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/myndigheder/ny").with(authorityEditor).with(csrf())
                .param("name", "Snigstyrelsen").param("type", "STATE")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/myndigheder/ny").with(editor)
                .param("name", "Uden CSRF").param("type", "STATE")).as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
        then(authorities).should(never()).create(any());
    }

    @Test
    void theNavigationLeadsEditorsToTheRegister() throws Exception {
        Document page = html(mvc.get().uri("/redaktion/myndigheder").with(editor).exchange());
        assertThat(page.select("nav.backoffice-nav a[href=/redaktion/myndigheder]").text()).isEqualTo("Myndigheder");
    }

    @Test
    void aFormWithErrorsSaysWhatToFixAtTheTopAndByEachField() throws Exception {
        given(authorities.create(any())).willThrow(new InvalidAuthorityException(List.of(
                new AuthorityFieldError("cvrNumber", "authority.error.cvr", List.of("12345678")),
                new AuthorityFieldError("municipalityCode", "authority.error.municipalityNotAllowed", List.of()),
                new AuthorityFieldError("homepageUrl", "authority.error.homepage", List.of("www.fejl.dk")))));
        MvcTestResult result = post("/redaktion/myndigheder/ny", "name", "Fejlstyrelsen", "type", "STATE",
                "cvrNumber", "12345678", "municipalityCode", "101", "homepageUrl", "www.fejl.dk");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        then(authorities).should().create(new AuthorityInput("Fejlstyrelsen", "STATE", "12345678", "101", null,
                "www.fejl.dk", null, null));
        Document page = html(result);
        assertThat(page.title()).startsWith("Fejl: Opret myndighed");
        assertThat(page.select(".alert-error li a")).extracting(e -> e.attr("href"))
                .containsExactly("#cvrNumber", "#municipalityCode", "#homepageUrl");
        assertThat(page.select("#cvrNumber-error").text()).contains("CVR-nummeret \"12345678\" er ikke gyldigt");
        assertThat(page.select("#municipalityCode-error").text())
                .contains("Kun en kommune har en kommunekode");
        assertThat(page.select("#cvrNumber").attr("aria-describedby")).isEqualTo("cvrNumber-hint cvrNumber-error");
        assertThat(page.select("#name").val()).as("what was typed stays").isEqualTo("Fejlstyrelsen");
    }

    @Test
    void anEditorCreatesAnAuthorityAndFindsItInTheListByType() throws Exception {
        AuthorityDetails created = state("Webstyrelsen", "29189919", 0);
        given(authorities.create(any())).willReturn(created);
        assertThat(post("/redaktion/myndigheder/ny", "name", "Webstyrelsen", "type", "STATE", "cvrNumber", "29189919",
                "homepageUrl", "https://web.example.dk", "contactPhone", "+45 70 30 30 30", "contactEmail",
                "post@web.example.dk")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .isEqualTo("/redaktion/myndigheder/" + created.id());
        then(authorities).should().create(new AuthorityInput("Webstyrelsen", "STATE", "29189919", null, null,
                "https://web.example.dk", "+45 70 30 30 30", "post@web.example.dk"));

        given(authorities.authorities(new AuthorityFilter(AuthorityType.STATE, false, false)))
                .willReturn(List.of(created));
        Document states = html(mvc.get().uri("/redaktion/myndigheder?type=STATE").with(editor).exchange());
        assertThat(states.select("table.authority-table tbody th a").eachText()).containsExactly("Webstyrelsen");
        assertThat(states.select("table.authority-table tbody th a").attr("href"))
                .isEqualTo("/redaktion/myndigheder/" + created.id());
        Document regions = html(mvc.get().uri("/redaktion/myndigheder?type=REGION").with(editor).exchange());
        then(authorities).should().authorities(new AuthorityFilter(AuthorityType.REGION, false, false));
        assertThat(regions.select("table.authority-table tbody th a").eachText()).doesNotContain("Webstyrelsen");
        assertThat(mvc.get().uri("/redaktion/myndigheder?type=KONTOR").with(editor))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAuthorityWithoutCvrNumberIsMarkedIncompleteWithWhatThatBlocks() throws Exception {
        AuthorityDetails incomplete = state("Halvstyrelsen", null, 0);
        given(authorities.authorities(new AuthorityFilter(null, false, true))).willReturn(List.of(incomplete));
        given(authorities.authorities(AuthorityFilter.ACTIVE)).willReturn(List.of(incomplete));
        given(authorities.authority(incomplete.id())).willReturn(incomplete);

        Document list = html(mvc.get().uri("/redaktion/myndigheder?ufuldstaendige=true").with(editor).exchange());
        var row = list.select("table.authority-table tbody tr").stream()
                .filter(tr -> tr.select("th").text().equals("Halvstyrelsen")).findFirst().orElseThrow();
        assertThat(row.select(".badge").text()).isEqualTo("Mangler CVR-nummer");
        assertThat(list.select(".authority-incomplete .alert-text").text())
                .contains("kan ikke vælges til nye konti").contains("tilslutningsanmodninger kan ikke knyttes til den");
        Document page = html(mvc.get().uri("/redaktion/myndigheder/" + incomplete.id()).with(editor).exchange());
        assertThat(page.select(".authority-incomplete .alert-heading").text())
                .isEqualTo("Myndigheden mangler CVR-nummer");
        assertThat(page.select("#authority-status").text()).isEqualTo("Mangler CVR-nummer");
        assertThat(page.select("#next-action").text()).isEqualTo("Næste skridt: Udfyld CVR-nummeret nedenfor, og gem.");
    }

    @Test
    void aSaveOverAnotherEditorsChangeIsRefusedAndKeepsWhatWasTyped() throws Exception {
        AuthorityDetails read = state("Konfliktstyrelsen", "29189919", 0);
        AuthorityDetails newest = new AuthorityDetails(read.id(), "Konfliktstyrelsen A", AuthorityType.STATE,
                "29189919", null, null, null, null, null, null, 1);
        String uri = "/redaktion/myndigheder/" + read.id();
        given(authorities.authority(read.id())).willReturn(newest);
        given(authorities.update(eq(read.id()), eq(0L), any()))
                .willThrow(AuthorityFixtures.changedMeanwhile("authority.error.stale"));

        MvcTestResult stale = post(uri, "name", "Konfliktstyrelsen B", "type", "STATE", "cvrNumber", "29189919",
                "version", "0");
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
        then(authorities).should().update(read.id(), 0L, input("Konfliktstyrelsen B", "29189919"));
        Document page = html(stale);
        assertThat(page.select(".alert-error .alert-heading").text()).isEqualTo("Ændringen blev ikke gemt");
        assertThat(page.select(".alert-error").text()).contains("En anden har ændret myndigheden");
        assertThat(page.select("#name").val()).isEqualTo("Konfliktstyrelsen B");
        assertThat(page.select("input[name=version]").first().val()).isEqualTo("1");

        given(authorities.update(eq(read.id()), eq(1L), any())).willReturn(newest);
        assertThat(post(uri, "name", "Konfliktstyrelsen B", "type", "STATE", "cvrNumber", "29189919",
                "version", "1")).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(uri);
        then(authorities).should().update(read.id(), 1L, input("Konfliktstyrelsen B", "29189919"));
    }

    @Test
    void aRetiredAuthorityStaysInTheRegisterAndCanBeReinstated() throws Exception {
        AuthorityDetails active = state("Nedlagtstyrelsen", "29189919", 0);
        AuthorityDetails retired = retired(active);
        String uri = "/redaktion/myndigheder/" + active.id();
        given(authorities.authority(active.id())).willReturn(active);
        given(authorities.retire(active.id(), 0L)).willReturn(retired);
        Document activePage = html(mvc.get().uri(uri).with(editor).exchange());
        assertThat(activePage.select("#authority-status").text()).isEqualTo("Aktiv");
        assertThat(activePage.select("#next-action").text())
                .isEqualTo("Næste skridt: Ingen. Ret oplysningerne her, når de ændrer sig.");
        MvcTestResult asked = post(uri + "/nedlaeg", "version", "0");
        assertThat(asked).hasStatusOk();
        Document confirmation = html(asked);
        assertThat(confirmation.select("h1").text()).isEqualTo("Vil du nedlægge " + active.name() + "?");
        assertThat(confirmation.select("main form button.button-warning").text()).isEqualTo("Ja, nedlæg myndigheden");
        assertThat(confirmation.select("main form input[name=version]").val()).isEqualTo("0");
        then(authorities).should(org.mockito.Mockito.never()).retire(active.id(), 0L);
        assertThat(post(uri + "/nedlaeg", "version", "0", "bekraeftet", "ja")).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo(uri);
        then(authorities).should().retire(active.id(), 0L);

        given(authorities.authority(active.id())).willReturn(retired);
        given(authorities.retire(retired.id(), 0L))
                .willThrow(AuthorityFixtures.changedMeanwhile("authority.error.alreadyRetired"));
        assertThat(post(uri + "/nedlaeg", "version", "0", "bekraeftet", "ja")).as("retired twice")
                .hasStatus(HttpStatus.CONFLICT);

        given(authorities.authorities(new AuthorityFilter(null, true, false))).willReturn(List.of(retired));
        Document all = html(mvc.get().uri("/redaktion/myndigheder?nedlagte=true").with(editor).exchange());
        assertThat(all.select("tr.authority-retired th").eachText()).containsExactly("Nedlagtstyrelsen");

        given(authorities.history(active.id())).willReturn(List.of(new AuditEntrySummary(
                Instant.parse("2026-05-01T10:00:00Z"), "redaktoer@test.example", "authority", active.id().toString(),
                "nedlagt", null)));
        Document page = html(mvc.get().uri(uri).with(editor).exchange());
        assertThat(page.select(".authority-retired-notice .alert-heading").text()).isEqualTo("Myndigheden er nedlagt");
        assertThat(page.select("#authority-status").text()).isEqualTo("Nedlagt");
        assertThat(page.select("#next-action").text()).startsWith("Næste skridt: Ingen. Genaktivér myndigheden");
        assertThat(page.select(".authority-history tbody tr td:nth-child(3)").eachText())
                .containsExactly("nedlagt");
        assertThat(post(uri + "/genaktiver", "version", "1")).hasStatus(HttpStatus.FOUND);
        then(authorities).should().reinstate(active.id(), 1L);
        given(authorities.reinstate(active.id(), -1L))
                .willThrow(AuthorityFixtures.changedMeanwhile("authority.error.stale"));
        assertThat(post(uri + "/genaktiver", "version", "en")).as("a garbled version can only be out of date")
                .hasStatus(HttpStatus.CONFLICT);
        then(authorities).should().reinstate(active.id(), -1L);
    }

    @Test
    void anAuthorityCreatedFromAConnectionRequestLeadsBackToTheRequest() throws Exception {
        Document form = html(mvc.get().uri("/redaktion/myndigheder/ny?cvr=29189919"
                + "&tilbage=/redaktion/tilslutninger/TS-2026-000042").with(editor).exchange());
        assertThat(form.select("#cvrNumber").val()).isEqualTo("29189919");
        assertThat(form.select("input[name=tilbage]").val()).isEqualTo("/redaktion/tilslutninger/TS-2026-000042");

        given(authorities.create(any())).willReturn(state("Anmodningsstyrelsen", "29189919", 0));
        assertThat(post("/redaktion/myndigheder/ny", "name", "Anmodningsstyrelsen", "type", "STATE", "cvrNumber",
                "29189919", "tilbage", "/redaktion/tilslutninger/TS-2026-000042")).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo("/redaktion/tilslutninger/TS-2026-000042");
        then(authorities).should().create(input("Anmodningsstyrelsen", "29189919"));
        AuthorityDetails other = state("Omdirigeringsstyrelsen", "12345674", 0);
        given(authorities.create(any())).willReturn(other);
        assertThat(post("/redaktion/myndigheder/ny", "name", "Omdirigeringsstyrelsen", "type", "STATE", "cvrNumber",
                "12345674", "tilbage", "https://ondt.example/")).as("only backoffice pages").hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo("/redaktion/myndigheder/" + other.id());
    }

    @Test
    void theImportReportListsEachRowsErrorsAndStoresNothing() throws Exception {
        byte[] file = "Navn;Type;CVR-nummer\r\nRapportstyrelsen;Stat;29189919\r\n;Stat;\r\n"
                .getBytes(StandardCharsets.UTF_8);
        given(authorities.importCsv(file)).willReturn(new AuthorityImportReport(false, 2, 1, 0, 0, 1, List.of(
                new AuthorityImportReport.RowError(3, "Navn", "authority.error.name", List.of("200")))));
        MvcTestResult upload = mvc.post().uri("/redaktion/myndigheder/importer").with(editor).with(csrf())
                .multipart().file(new MockMultipartFile("file", "liste.csv", "text/csv", file)).exchange();
        assertThat(upload).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/myndigheder/importer/rapport");
        then(authorities).should().importCsv(file);

        MvcTestResult report = mvc.get().uri("/redaktion/myndigheder/importer/rapport").with(editor)
                .flashAttrs(upload.getMvcResult().getFlashMap()).exchange();
        Document page = html(report);
        assertThat(page.select(".alert-error").text()).startsWith("Intet er gemt");
        assertThat(page.select("#count-rows").text()).isEqualTo("2");
        assertThat(page.select("#count-errors").text()).isEqualTo("1");
        assertThat(page.select("table.report-errors tbody tr").eachText())
                .containsExactly("3 Navn Skriv myndighedens navn (højst 200 tegn).");
        assertThat(mvc.get().uri("/redaktion/myndigheder/importer/rapport").with(editor))
                .as("no report to show").hasStatus(HttpStatus.FOUND).redirectedUrl()
                .isEqualTo("/redaktion/myndigheder/importer");

        Document noFile = html(mvc.post().uri("/redaktion/myndigheder/importer").with(editor).with(csrf())
                .multipart().file(new MockMultipartFile("file", "", "text/csv", new byte[0])).exchange());
        assertThat(noFile.select(".alert-error a[href=#file]").text()).isEqualTo("Vælg en CSV-fil.");
        then(authorities).should().importCsv(any());
    }

    @Test
    void theListDownloadsAsCsvForExcel() {
        byte[] file = "\uFEFFId;Navn;Type\r\n1;Downloadstyrelsen;Stat\r\n".getBytes(StandardCharsets.UTF_8);
        given(authorities.exportCsv(new AuthorityFilter(AuthorityType.STATE, false, false))).willReturn(file);
        MvcTestResult csv = mvc.get().uri("/redaktion/myndigheder/myndigheder.csv?type=STATE").with(editor)
                .exchange();
        assertThat(csv).hasStatusOk().hasHeader("Content-Disposition", "attachment; filename=\"myndigheder.csv\"");
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsByteArray()).isEqualTo(file);
    }
}
