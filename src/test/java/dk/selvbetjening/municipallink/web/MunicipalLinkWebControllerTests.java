package dk.selvbetjening.municipallink.web;

import static dk.selvbetjening.municipallink.LinkFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The backoffice's municipal link pages: who sees and edits what, the edit form, and the import with its report. */
@SpringBootTest
@SeparateDatabase("municipallink")
@AutoConfigureMockMvc
class MunicipalLinkWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    MunicipalLinkService links;

    private MockHttpSession login(TestAccount account) {
        MvcTestResult login = mvc.post().uri("/redaktion/log-ind").with(csrf())
                .param("email", account.email()).param("password", account.password()).exchange();
        assertThat(login).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion");
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private MockHttpSession aalborg() {
        return login(accounts.authorityEditor(data.municipality(851, "Aalborg Kommune").id()));
    }

    private static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/redaktion/kommunelinks")).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/redaktion/log-ind");
        assertThat(mvc.post().uri("/redaktion/kommunelinks/kommune/101/x").with(csrf()).param("url", "https://a.dk"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/redaktion/log-ind");
    }

    @Test
    void theOverviewSumsUpPerServiceAndPerMunicipalityInAccessibleTables() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a", 147, ""));
        MvcTestResult page = mvc.get().uri("/redaktion/kommunelinks").session(login(accounts.editor())).exchange();
        assertThat(page).hasStatusOk();
        Document document = html(page);
        var row = document.select("table.completeness-table tbody tr").stream()
                .filter(tr -> tr.select("th a").text().equals(service.title())).findFirst().orElseThrow();
        assertThat(row.select("th").attr("scope")).isEqualTo("row");
        assertThat(row.select("td").eachText()).containsExactly("1", "97", "0", "1 %");
        assertThat(document.select("table caption").eachText()).hasSize(2).allMatch(caption -> !caption.isBlank());
        assertThat(document.select("thead th").eachAttr("scope")).containsOnly("col");
        assertThat(document.select("nav a").eachText()).contains("Kommunelinks");
        assertThat(document.select("a[href=/redaktion/kommunelinks/import]")).isNotEmpty();
    }

    @Test
    void theOverviewListsTheMunicipalitiesWithMissingLinksFirstThenAToAaInDanishOrder() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/orden"));
        MockHttpSession editor = login(accounts.editor());
        Document document = html(mvc.get().uri("/redaktion/kommunelinks").session(editor).exchange());
        var rows = document.select("table.completeness-table").last().select("tbody tr");
        List<Boolean> missing = rows.stream().map(tr -> !tr.select("td").get(2).text().equals("0")).toList();
        assertThat(missing.subList(Math.max(0, missing.indexOf(false)), missing.size()))
                .as("no municipality with missing links after a complete one")
                .containsOnly(missing.contains(false) ? false : true);
        Document servicePage = html(mvc.get().uri("/redaktion/kommunelinks/selvbetjening/" + service.slug())
                .session(editor).exchange());
        assertThat(servicePage.select("tbody tr").last().text()).as("the one link present comes last")
                .contains("København");
        assertThat(servicePage.select("tbody tr").first().text()).contains("Albertslund");
        assertThat(servicePage.select("#service-status").text()).isEqualTo("Udgivet");
        assertThat(servicePage.select("#next-action").text())
                .isEqualTo("Næste skridt: Udfyld de 97 manglende links, øverst i tabellen.");
        List<String> names = rows.stream().filter(tr -> !tr.select("td").get(2).text().equals("0"))
                .map(tr -> tr.select("th").text()).toList();
        java.text.Collator danish = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("da"));
        assertThat(names).isSortedAccordingTo(danish::compare);
        assertThat(names.indexOf("Ærø")).as("Æ after Z").isGreaterThan(names.indexOf("Vordingborg"));
    }

    @Test
    void aMunicipalitysPageListsWhatIsMissingAndOffersTheCsv() throws Exception {
        SelfServiceDetails present = data.publishedMunicipal(Map.of(851, "https://www.aalborg.dk/a"));
        SelfServiceDetails missing = data.publishedMunicipal(Map.of());
        Document document = html(mvc.get().uri("/redaktion/kommunelinks/kommune/851").session(aalborg()).exchange());
        assertThat(document.select("h1").text()).isEqualTo("Kommunelinks for Aalborg");
        assertThat(document.select("ul.missing-list li").eachText()).contains(missing.title()).doesNotContain(present.title());
        assertThat(document.select("a.csv-export").attr("href")).isEqualTo("/api/v1/municipal-links/export?municipalityCode=851");
        assertThat(document.select("a[href=/kommuner/851/direkte-links]").text())
                .isEqualTo("Direkte links til selvbetjening i Aalborg");
        var row = document.select("tbody tr").stream().filter(tr -> tr.select("th").text().equals(present.title()))
                .findFirst().orElseThrow();
        assertThat(row.select("td").eachText()).containsExactly("Findes", "https://www.aalborg.dk/a", "–", "Ikke tjekket", "Ret");
        assertThat(row.select("a").attr("aria-label")).isEqualTo("Ret linket til " + present.title() + " i Aalborg");
    }

    @Test
    void aMunicipalityEditorEditsItsOwnLinksAndNoOtherMunicipalitys() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        MockHttpSession session = aalborg();
        String own = "/redaktion/kommunelinks/kommune/851/" + service.slug();
        assertThat(mvc.get().uri(own).session(session)).hasStatusOk().bodyText()
                .contains("Link til " + service.title() + " i Aalborg").contains("Status nu: Mangler");
        MvcTestResult saved = mvc.post().uri(own).session(session).with(csrf())
                .param("url", " https://www.aalborg.dk/ny ").param("title", "Aalborgs side").param("fra", "").exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/kommunelinks/kommune/851");
        assertThat(mvc.get().uri("/redaktion/kommunelinks/kommune/851").session(session)).bodyText()
                .contains("Linket til " + service.title() + " for Aalborg er gemt.");

        String other = "/redaktion/kommunelinks/kommune/101/" + service.slug();
        assertThat(mvc.get().uri(other).session(session)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(other).session(session).with(csrf()).param("url", "https://ondt.example"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/redaktion/kommunelinks/kommune/101").session(session)).hasStatusOk().bodyText()
                .doesNotContain("Ret linket til");
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::municipalityCode, MunicipalLinkSummary::url,
                MunicipalLinkSummary::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple(101, "https://www.kk.dk/a", null),
                org.assertj.core.groups.Tuple.tuple(851, "https://www.aalborg.dk/ny", "Aalborgs side"));
    }

    @Test
    void anEditorEditsAnyMunicipalityFromTheServicePageAndReturnsThere() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        MockHttpSession session = login(accounts.editor());
        Document page = html(mvc.get().uri("/redaktion/kommunelinks/selvbetjening/" + service.slug()).session(session).exchange());
        assertThat(page.select("tbody tr")).hasSize(98);
        String edit = page.select("a[aria-label=Ret linket til " + service.title() + " i Odense]").attr("href");
        assertThat(edit).isEqualTo("/redaktion/kommunelinks/kommune/461/" + service.slug() + "?fra=selvbetjening");
        assertThat(mvc.post().uri("/redaktion/kommunelinks/kommune/461/" + service.slug()).session(session).with(csrf())
                .param("url", "https://odense.dk/a").param("fra", "selvbetjening"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/kommunelinks/selvbetjening/" + service.slug());
        assertThat(mvc.post().uri("/redaktion/kommunelinks/kommune/101/" + service.slug()).session(session).with(csrf())
                .param("url", "").param("fra", "")).hasStatus(HttpStatus.FOUND);
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::municipalityCode, MunicipalLinkSummary::url)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(101, null),
                        org.assertj.core.groups.Tuple.tuple(461, "https://odense.dk/a"));
    }

    @Test
    void aUrlThatIsNotHttpsIsShownAsAnErrorAndNotSaved() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        MvcTestResult result = mvc.post().uri("/redaktion/kommunelinks/kommune/101/" + service.slug())
                .session(login(accounts.editor())).with(csrf()).param("url", "http://www.kk.dk/b").param("title", "").exchange();
        assertThat(result).hasStatusOk();
        Document document = html(result);
        assertThat(document.title()).startsWith("Fejl:");
        assertThat(document.select(".alert-error a[href=#url]").text()).startsWith("Skriv hele adressen, der starter med https://");
        assertThat(document.select("#url").attr("aria-describedby")).isEqualTo("url-hint url-error");
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url).containsExactly("https://www.kk.dk/a");
    }

    @Test
    void anEditorOfAnAuthorityThatIsNoMunicipalityOnlyLooks() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        MockHttpSession session = login(accounts.authorityEditor(
                authorities.register(AuthorityFixtures.aStateAuthority("Kiggestyrelsen")).id()));
        assertThat(mvc.get().uri("/redaktion/kommunelinks").session(session)).hasStatusOk().bodyText()
                .contains("Du kan se linkene, men ikke rette dem.");
        assertThat(mvc.get().uri("/redaktion/kommunelinks/kommune/101/" + service.slug()).session(session))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/kommunelinks/import").session(session).with(csrf())
                .multipart().file(new MockMultipartFile("file", "l.csv", "text/csv", csv("101;" + service.slug() + ";https://kk.dk"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(links.linksOf(service.id())).isEmpty();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        assertThat(mvc.post().uri("/redaktion/kommunelinks/kommune/101/" + service.slug())
                .session(login(accounts.editor())).param("url", "https://www.kk.dk/a")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(links.linksOf(service.id())).isEmpty();
    }

    @Test
    void anUnknownMunicipalityOrServiceIsNotFound() {
        MockHttpSession session = login(accounts.editor());
        assertThat(mvc.get().uri("/redaktion/kommunelinks/kommune/999").session(session)).hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().contains("Siden findes ikke");
        assertThat(mvc.get().uri("/redaktion/kommunelinks/kommune/abc").session(session)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/redaktion/kommunelinks/selvbetjening/findes-ikke").session(session))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/redaktion/kommunelinks/kommune/101/findes-ikke").session(session))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUploadShowsTheReportWithCountsAndEveryErrorByLine() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(851, "https://www.aalborg.dk/a"));
        MockHttpSession session = aalborg();
        Document form = html(mvc.get().uri("/redaktion/kommunelinks/import").session(session).exchange());
        assertThat(form.select("form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("label[for=file]").text()).isEqualTo("CSV-fil");
        assertThat(form.select("label[for=applyValidRows]").text()).isEqualTo("Gem de gyldige rækker, selv om andre rækker har fejl");
        assertThat(form.text()).contains("Du kan rette links for Aalborg.");

        MvcTestResult uploaded = mvc.post().uri("/redaktion/kommunelinks/import").session(session).with(csrf())
                .multipart().file(new MockMultipartFile("file", "aalborg.csv", "text/csv", csv(
                        "851;" + service.slug() + ";https://www.aalborg.dk/b",
                        "101;" + service.slug() + ";https://www.kk.dk/b"))).exchange();
        assertThat(uploaded).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/kommunelinks/import/rapport");
        Document report = html(mvc.get().uri("/redaktion/kommunelinks/import/rapport").session(session).exchange());
        assertThat(report.select(".alert-error").text()).startsWith("Intet er gemt");
        assertThat(report.select("#count-rows").text()).isEqualTo("2");
        assertThat(report.select("#count-changed").text()).isEqualTo("1");
        assertThat(report.select("#count-errors").text()).isEqualTo("1");
        assertThat(report.select("table.report-errors tbody tr").eachText())
                .containsExactly("3 Du må ikke rette links for København (kommunekode 101).");
        assertThat(report.text()).contains("Fil: aalborg.csv").contains("Ville blive ændret");
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url).containsExactly("https://www.aalborg.dk/a");

        MvcTestResult applied = mvc.post().uri("/redaktion/kommunelinks/import").session(session).with(csrf())
                .multipart().file(new MockMultipartFile("file", "aalborg.csv", "text/csv", csv(
                        "851;" + service.slug() + ";https://www.aalborg.dk/b",
                        "101;" + service.slug() + ";https://www.kk.dk/b"))).param("applyValidRows", "true").exchange();
        Document appliedReport = html(mvc.get().uri("/redaktion/kommunelinks/import/rapport").session(session).exchange());
        assertThat(appliedReport.select(".alert-warning").text()).startsWith("De gyldige rækker er gemt.");
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url).containsExactly("https://www.aalborg.dk/b");

        assertThat(mvc.get().uri("/redaktion/kommunelinks/import/rapport").session(session)).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo("/redaktion/kommunelinks/import");
    }

    @Test
    void anUploadWithoutAFileOrOverTheLimitSaysSoInDanish() throws Exception {
        MockHttpSession session = login(accounts.editor());
        MvcTestResult none = mvc.post().uri("/redaktion/kommunelinks/import").session(session).with(csrf())
                .multipart().file(new MockMultipartFile("file", "", "text/csv", new byte[0])).exchange();
        assertThat(none).hasStatusOk();
        assertThat(html(none).select(".form-error-message").text()).isEqualTo("Fejl: Vælg en CSV-fil.");

        MvcTestResult large = mvc.post().uri("/redaktion/kommunelinks/import").session(session).with(csrf())
                .multipart().file(new MockMultipartFile("file", "stor.csv", "text/csv", new byte[20 * 1024 * 1024 + 1]))
                .exchange();
        assertThat(large).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/kommunelinks/import?for-stor");
        assertThat(mvc.get().uri("/redaktion/kommunelinks/import?for-stor").session(session)).bodyText()
                .contains("Filen er for stor. Den må højst fylde 20 MB.");
    }
}
