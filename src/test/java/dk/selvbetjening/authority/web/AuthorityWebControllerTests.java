package dk.selvbetjening.authority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.portal.PortalTestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The register's backoffice pages: editors only; the form with its error summary, optimistic concurrency, retiring
 * and reinstating; creating from a connection request and returning to it; the CSV import's report.
 */
@SpringBootTest(properties = "test.context=authority")
@AutoConfigureMockMvc
class AuthorityWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    PortalTestData data;

    private TestAccount editor;

    @BeforeEach
    void editor() {
        editor = accounts.editor();
    }

    private static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MvcTestResult post(String uri, String... parameters) {
        var request = mvc.post().uri(uri).with(editor.login()).with(csrf());
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.param(parameters[i], parameters[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void onlyEditorsSeeTheRegister() {
        assertThat(mvc.get().uri("/redaktion/myndigheder")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .endsWith("/redaktion/log-ind");
        TestAccount authorityEditor = accounts.authorityEditor(data.stateAuthority().id());
        assertThat(mvc.get().uri("/redaktion/myndigheder").with(authorityEditor.login()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/myndigheder/ny").with(authorityEditor.login()).with(csrf())
                .param("name", "Snigstyrelsen").param("type", "STATE")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/myndigheder/ny").with(editor.login())
                .param("name", "Uden CSRF").param("type", "STATE")).as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(authorities.authorities()).extracting(AuthorityDetails::name)
                .doesNotContain("Snigstyrelsen", "Uden CSRF");
    }

    @Test
    void theNavigationLeadsEditorsToTheRegister() throws Exception {
        Document page = html(mvc.get().uri("/redaktion").with(editor.login()).exchange());
        assertThat(page.select("nav.backoffice-nav a[href=/redaktion/myndigheder]").text()).isEqualTo("Myndigheder");
    }

    @Test
    void aFormWithErrorsSaysWhatToFixAtTheTopAndByEachField() throws Exception {
        MvcTestResult result = post("/redaktion/myndigheder/ny", "name", "Fejlstyrelsen", "type", "STATE",
                "cvrNumber", "12345678", "municipalityCode", "101", "homepageUrl", "www.fejl.dk");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        Document page = html(result);
        assertThat(page.title()).startsWith("Fejl: Opret myndighed");
        assertThat(page.select(".alert-error li a")).extracting(e -> e.attr("href"))
                .containsExactly("#cvrNumber", "#municipalityCode", "#homepageUrl");
        assertThat(page.select("#cvrNumber-error").text()).contains("CVR-nummeret \"12345678\" er ikke gyldigt");
        assertThat(page.select("#municipalityCode-error").text())
                .contains("Kun en kommune har en kommunekode");
        assertThat(page.select("#cvrNumber").attr("aria-describedby")).isEqualTo("cvrNumber-hint cvrNumber-error");
        assertThat(page.select("#name").val()).as("what was typed stays").isEqualTo("Fejlstyrelsen");
        assertThat(authorities.authorities()).extracting(AuthorityDetails::name).doesNotContain("Fejlstyrelsen");
    }

    @Test
    void anEditorCreatesAnAuthorityAndFindsItInTheListByType() throws Exception {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        MvcTestResult created = post("/redaktion/myndigheder/ny", "name", "Webstyrelsen", "type", "STATE",
                "cvrNumber", cvr, "homepageUrl", "https://web.example.dk", "contactPhone", "+45 70 30 30 30",
                "contactEmail", "post@web.example.dk");
        AuthorityDetails authority = authorities.authorityByCvr(new CvrNumber(cvr)).orElseThrow();
        assertThat(created).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .isEqualTo("/redaktion/myndigheder/" + authority.id());

        Document states = html(mvc.get().uri("/redaktion/myndigheder?type=STATE").with(editor.login()).exchange());
        assertThat(states.select("table.authority-table tbody th a").eachText()).contains("Webstyrelsen");
        Document regions = html(mvc.get().uri("/redaktion/myndigheder?type=REGION").with(editor.login()).exchange());
        assertThat(regions.select("table.authority-table tbody th a").eachText()).doesNotContain("Webstyrelsen");
        assertThat(mvc.get().uri("/redaktion/myndigheder?type=KONTOR").with(editor.login()))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAuthorityWithoutCvrNumberIsMarkedIncompleteWithWhatThatBlocks() throws Exception {
        post("/redaktion/myndigheder/ny", "name", "Halvstyrelsen", "type", "STATE");
        AuthorityDetails authority = authorities.authorities().stream().filter(a -> a.name().equals("Halvstyrelsen"))
                .findFirst().orElseThrow();
        Document list = html(mvc.get().uri("/redaktion/myndigheder?ufuldstaendige=true").with(editor.login()).exchange());
        var row = list.select("table.authority-table tbody tr").stream()
                .filter(tr -> tr.select("th").text().equals("Halvstyrelsen")).findFirst().orElseThrow();
        assertThat(row.select(".badge").text()).isEqualTo("Mangler CVR-nummer");
        assertThat(list.select(".authority-incomplete .alert-text").text())
                .contains("kan ikke vælges til nye konti").contains("tilslutningsanmodninger kan ikke knyttes til den");
        Document page = html(mvc.get().uri("/redaktion/myndigheder/" + authority.id()).with(editor.login()).exchange());
        assertThat(page.select(".authority-incomplete .alert-heading").text())
                .isEqualTo("Myndigheden mangler CVR-nummer");
    }

    @Test
    void aSaveOverAnotherEditorsChangeIsRefusedAndKeepsWhatWasTyped() throws Exception {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Konfliktstyrelsen"));
        String uri = "/redaktion/myndigheder/" + authority.id();
        assertThat(post(uri, "name", "Konfliktstyrelsen A", "type", "STATE", "cvrNumber", authority.cvrNumber(),
                "version", "0")).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(uri);

        MvcTestResult stale = post(uri, "name", "Konfliktstyrelsen B", "type", "STATE", "cvrNumber",
                authority.cvrNumber(), "version", "0");
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
        Document page = html(stale);
        assertThat(page.select(".alert-error .alert-heading").text()).isEqualTo("Ændringen blev ikke gemt");
        assertThat(page.select("#name").val()).isEqualTo("Konfliktstyrelsen B");
        assertThat(page.select("input[name=version]").first().val()).isEqualTo("1");
        assertThat(authorities.authority(authority.id()).name()).isEqualTo("Konfliktstyrelsen A");

        assertThat(post(uri, "name", "Konfliktstyrelsen B", "type", "STATE", "cvrNumber", authority.cvrNumber(),
                "version", "1")).hasStatus(HttpStatus.FOUND);
        assertThat(authorities.authority(authority.id()).name()).isEqualTo("Konfliktstyrelsen B");
    }

    @Test
    void aRetiredAuthorityStaysInTheRegisterAndCanBeReinstated() throws Exception {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Nedlagtstyrelsen"));
        String uri = "/redaktion/myndigheder/" + authority.id();
        assertThat(post(uri + "/nedlaeg", "version", "0")).hasStatus(HttpStatus.FOUND);
        assertThat(post(uri + "/nedlaeg", "version", "0")).as("retired twice").hasStatus(HttpStatus.CONFLICT);

        Document active = html(mvc.get().uri("/redaktion/myndigheder").with(editor.login()).exchange());
        assertThat(active.select("table.authority-table tbody th").eachText()).doesNotContain("Nedlagtstyrelsen");
        Document all = html(mvc.get().uri("/redaktion/myndigheder?nedlagte=true").with(editor.login()).exchange());
        assertThat(all.select("tr.authority-retired th").eachText()).contains("Nedlagtstyrelsen");

        Document page = html(mvc.get().uri(uri).with(editor.login()).exchange());
        assertThat(page.select(".authority-retired-notice .alert-heading").text()).isEqualTo("Myndigheden er nedlagt");
        assertThat(page.select(".authority-history tbody tr td:nth-child(3)").eachText())
                .containsExactly("nedlagt");
        assertThat(post(uri + "/genaktiver", "version", "1")).hasStatus(HttpStatus.FOUND);
        assertThat(authorities.authority(authority.id()).isRetired()).isFalse();
    }

    @Test
    void anAuthorityCreatedFromAConnectionRequestLeadsBackToTheRequest() throws Exception {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        Document form = html(mvc.get().uri("/redaktion/myndigheder/ny?cvr=" + cvr
                + "&tilbage=/redaktion/tilslutninger/TS-2026-000042").with(editor.login()).exchange());
        assertThat(form.select("#cvrNumber").val()).isEqualTo(cvr);
        assertThat(form.select("input[name=tilbage]").val()).isEqualTo("/redaktion/tilslutninger/TS-2026-000042");

        assertThat(post("/redaktion/myndigheder/ny", "name", "Anmodningsstyrelsen", "type", "STATE", "cvrNumber", cvr,
                "tilbage", "/redaktion/tilslutninger/TS-2026-000042")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .isEqualTo("/redaktion/tilslutninger/TS-2026-000042");
        String other = AuthorityFixtures.aCvrNumber().value();
        assertThat(post("/redaktion/myndigheder/ny", "name", "Omdirigeringsstyrelsen", "type", "STATE", "cvrNumber",
                other, "tilbage", "https://ondt.example/")).as("only backoffice pages").hasStatus(HttpStatus.FOUND)
                .redirectedUrl().startsWith("/redaktion/myndigheder/");
    }

    @Test
    void theImportReportListsEachRowsErrorsAndStoresNothing() throws Exception {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        byte[] file = ("Navn;Type;CVR-nummer\r\nRapportstyrelsen;Stat;" + cvr + "\r\n;Stat;\r\n")
                .getBytes(StandardCharsets.UTF_8);
        MvcTestResult upload = mvc.post().uri("/redaktion/myndigheder/importer").with(editor.login()).with(csrf())
                .multipart().file(new MockMultipartFile("file", "liste.csv", "text/csv", file)).exchange();
        assertThat(upload).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/myndigheder/importer/rapport");

        MvcTestResult report = mvc.get().uri("/redaktion/myndigheder/importer/rapport").with(editor.login())
                .flashAttrs(upload.getMvcResult().getFlashMap()).exchange();
        Document page = html(report);
        assertThat(page.select(".alert-error").text()).startsWith("Intet er gemt");
        assertThat(page.select("#count-rows").text()).isEqualTo("2");
        assertThat(page.select("#count-errors").text()).isEqualTo("1");
        assertThat(page.select("table.report-errors tbody tr").eachText())
                .containsExactly("3 Navn Skriv myndighedens navn (højst 200 tegn).");
        assertThat(authorities.authorityByCvr(new CvrNumber(cvr))).isEmpty();

        Document noFile = html(mvc.post().uri("/redaktion/myndigheder/importer").with(editor.login()).with(csrf())
                .multipart().file(new MockMultipartFile("file", "", "text/csv", new byte[0])).exchange());
        assertThat(noFile.select(".alert-error a[href=#file]").text()).isEqualTo("Vælg en CSV-fil.");
    }

    @Test
    void theListDownloadsAsCsvForExcel() {
        authorities.register(AuthorityFixtures.aStateAuthority("Downloadstyrelsen"));
        MvcTestResult csv = mvc.get().uri("/redaktion/myndigheder/myndigheder.csv?type=STATE").with(editor.login())
                .exchange();
        assertThat(csv).hasStatusOk();
        assertThat(csv.getResponse().getContentAsByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv).bodyText().contains(";Downloadstyrelsen;Stat;");
    }
}
