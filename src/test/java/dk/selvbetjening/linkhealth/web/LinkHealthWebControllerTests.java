package dk.selvbetjening.linkhealth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.SecuredWebSlice;
import dk.selvbetjening.account.SecuredWebSlice.Logins;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.linkcheck.LinkCheckResult;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkcheck.LinkProblem;
import dk.selvbetjening.linkhealth.LinkHealthReport;
import dk.selvbetjening.linkhealth.LinkHealthRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The link checker's dashboard for editors: the report's rows filtered by outcome, a check on demand, and per
 * municipal solution whether a broken link still shows the start button. The rows' order and content are
 * {@code LinkHealthTests}', the checking {@code LinkCheckServiceTests}'; here the services are mocks.
 */
@WebMvcTest(LinkHealthWebController.class)
@SecuredWebSlice
class LinkHealthWebControllerTests {

    private static final String URL = "https://www.kommune-851.dk/boligstoette";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    LinkHealthReport report;

    @MockitoBean
    LinkCheckService checks;

    @MockitoBean
    SelfServiceService services;

    @Autowired
    AccountService accounts;

    private RequestPostProcessor editor;

    @BeforeEach
    void editor() {
        editor = Logins.editor(accounts);
    }

    private static LinkCheckResult broken(String url) {
        return new LinkCheckResult(url, LinkOutcome.BROKEN, 404, url, 0, 20, 1, Instant.parse("2026-11-26T10:00:00Z"),
                LinkProblem.NOT_FOUND, "Siden findes ikke (HTTP 404).", "Find sidens nye adresse.");
    }

    private static SelfServiceDetails municipal(String title, boolean startWhenLinkBroken) {
        return new SelfServiceDetails(UUID.randomUUID(), "boligstoette", title, "Søg boligstøtte.",
                SelfServiceKind.ONLINE, SelfServiceScope.MUNICIPAL, null, Set.of(), UUID.randomUUID(), null, null,
                LoginMethod.MITID_NEMLOGIN, null, null, List.of(), List.of(), SelfServiceStatus.PUBLISHED, false,
                startWhenLinkBroken, Instant.parse("2026-11-26T10:00:00Z"));
    }

    private Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void editorsSeeTheReportsRowsForTheChosenOutcomeAndTheMunicipalSolutions() throws Exception {
        SelfServiceDetails solution = municipal("Boligstøtte", false);
        given(report.rows(LinkOutcome.BROKEN)).willReturn(List.of(new LinkHealthRow(solution.id(), "boligstoette",
                "Boligstøtte", 851, "Aalborg", solution.authorityId(), URL, 42, broken(URL))));
        given(services.published()).willReturn(List.of(solution));

        Document page = html(mvc.get().uri("/redaktion/linktjek?udfald=BROKEN").with(editor).exchange());
        assertThat(page.select("p:contains(Viser)").text()).isEqualTo("Viser 1 links.");
        assertThat(page.select("table").first().select("tbody tr td").eachText()).containsExactly("Boligstøtte",
                "Aalborg", "42", "Brudt", "Siden findes ikke (HTTP 404). Find sidens nye adresse.", URL + " Tjek nu");
        assertThat(page.select("input[name=udfald]").val()).as("a check returns to the same filter")
                .isEqualTo("BROKEN");
        assertThat(page.select("#startknap ~ table tbody tr td").eachText()).containsExactly("Boligstøtte",
                "Kommunens kontaktoplysninger", "Vis startknappen");
        assertThat(page.select("#startknap ~ table input[name=show]").val()).isEqualTo("true");
    }

    private static LinkHealthRow row(String title, LinkCheckResult check) {
        return new LinkHealthRow(UUID.randomUUID(), "side", title, null, null, UUID.randomUUID(),
                "https://www.example.dk/" + title, 1, check);
    }

    private static LinkCheckResult ok(String url) {
        return new LinkCheckResult(url, LinkOutcome.OK, 200, url, 0, 20, 0, Instant.parse("2026-11-26T10:00:00Z"),
                null, null, null);
    }

    @Test
    void theDashboardOpensOnTheLinksThatNeedActionWithTheCountOfEachOutcome() throws Exception {
        given(report.rows(null)).willReturn(List.of(row("fin", ok("https://a.example.dk")),
                row("brudt", broken("https://b.example.dk")), row("aldrig", null)));
        given(services.published()).willReturn(List.of());

        for (String uri : List.of("/redaktion/linktjek", "/redaktion/linktjek?udfald=FARLIG")) {
            Document page = html(mvc.get().uri(uri).with(editor).exchange());
            assertThat(page.select("table").first().select("tbody tr td:first-child").eachText())
                    .as(uri).containsExactly("brudt");
            assertThat(page.select("ul.linkhealth-counts a").eachText()).containsExactly("Skal ses på (1)",
                    "I orden (1)", "Se efter (0)", "Brudt (1)", "Farlig (0)", "Alle (3)");
        }
        Document all = html(mvc.get().uri("/redaktion/linktjek?udfald=ALLE").with(editor).exchange());
        assertThat(all.select("p:contains(Viser)").text()).isEqualTo("Viser 3 links.");
        assertThat(all.select("#udfald option[selected]").val()).isEqualTo("ALLE");
    }

    @Test
    void aLongListIsPagedTwentyFiveRowsAtATime() throws Exception {
        List<LinkHealthRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row("brudt-" + i, broken("https://b.example.dk/" + i)));
        }
        given(report.rows(null)).willReturn(rows);
        given(services.published()).willReturn(List.of());

        Document first = html(mvc.get().uri("/redaktion/linktjek").with(editor).exchange());
        assertThat(first.select("table").first().select("tbody tr")).hasSize(25);
        assertThat(first.select("nav.list-pages span").text()).isEqualTo("Side 1 af 2");
        assertThat(first.select("nav.list-pages a").attr("href")).endsWith("side=2");
        Document second = html(mvc.get().uri("/redaktion/linktjek?side=2").with(editor).exchange());
        assertThat(second.select("table").first().select("tbody tr")).hasSize(5);
        assertThat(html(mvc.get().uri("/redaktion/linktjek?side=x9").with(editor).exchange())
                .select("nav.list-pages span").text()).as("a bad page number is the first page")
                .isEqualTo("Side 1 af 2");
    }

    @Test
    void anEditorChecksAUrlNowAndSeesTheVerdictOnTheSameFilter() throws Exception {
        given(checks.check(URL)).willReturn(broken(URL));
        MvcTestResult checked = mvc.post().uri("/redaktion/linktjek/tjek").with(editor).with(csrf())
                .param("url", URL).param("udfald", "BROKEN").exchange();
        assertThat(checked).hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "/redaktion/linktjek?udfald=BROKEN");
        then(checks).should().check(URL);

        given(report.rows(LinkOutcome.BROKEN)).willReturn(List.of());
        given(services.published()).willReturn(List.of());
        Document page = html(mvc.get().uri("/redaktion/linktjek?udfald=BROKEN").with(editor)
                .flashAttrs(checked.getMvcResult().getFlashMap()).exchange());
        assertThat(page.select(".alert-warning .alert-heading").text()).isEqualTo("Tjek af " + URL + ": Brudt");
        assertThat(page.select(".alert-warning .alert-text").text())
                .isEqualTo("Siden findes ikke (HTTP 404). Find sidens nye adresse.");

        assertThat(mvc.post().uri("/redaktion/linktjek/tjek").with(editor).with(csrf()).param("url", URL)
                .param("udfald", "")).hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "/redaktion/linktjek");
    }

    @Test
    void anEditorLetsABrokenLinkShowTheStartButtonAndSeesItSaved() throws Exception {
        SelfServiceDetails changed = municipal("Boligstøtte", true);
        given(services.setStartWhenLinkBroken(changed.id(), true)).willReturn(changed);
        MvcTestResult saved = mvc.post().uri("/redaktion/linktjek/startknap").with(editor).with(csrf())
                .param("serviceId", changed.id().toString()).param("show", "true").exchange();
        assertThat(saved).hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "/redaktion/linktjek#startknap");
        then(services).should().setStartWhenLinkBroken(changed.id(), true);

        given(report.rows(null)).willReturn(List.of());
        given(services.published()).willReturn(List.of(changed));
        Document page = html(mvc.get().uri("/redaktion/linktjek").with(editor)
                .flashAttrs(saved.getMvcResult().getFlashMap()).exchange());
        assertThat(page.select(".alert-success").text()).contains("Valget er gemt for Boligstøtte.");
        assertThat(page.select("#startknap ~ table tbody tr td").eachText()).containsExactly("Boligstøtte",
                "Startknappen", "Vis kontaktoplysninger");
    }

    @Test
    void onlyEditorsSeeTheDashboardOrChangeAnythingAndNeverWithoutCsrf() {
        assertThat(mvc.get().uri("/redaktion/linktjek")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .endsWith("/redaktion/log-ind");
        RequestPostProcessor authorityEditor = Logins.authorityEditor(accounts, UUID.randomUUID());
        assertThat(mvc.get().uri("/redaktion/linktjek").with(authorityEditor)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/linktjek/tjek").with(authorityEditor).with(csrf()).param("url", URL))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/redaktion/linktjek/startknap").with(editor)
                .param("serviceId", UUID.randomUUID().toString()).param("show", "true"))
                .as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
        then(checks).should(never()).check(any());
        then(services).should(never()).setStartWhenLinkBroken(any(), anyBoolean());
    }
}
