package dk.selvbetjening.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.search.SearchInsights;
import dk.selvbetjening.search.Synonyms;
import dk.selvbetjening.shared.ModuleListeners;
import dk.selvbetjening.shared.SystemPrincipal;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** /soeg without JavaScript, the header's search box, and the editors' synonyms and search pages, on the demo content. */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
class SearchWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ModuleListeners listeners;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    SearchInsights insights;

    @Autowired
    Synonyms synonyms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.selvbetjening.authority.AuthorityService authorities;

    @BeforeEach
    void indexed() {
        listeners.awaitAll("search.");
    }

    private Document page(String uri) throws Exception {
        return Jsoup.parse(mvc.get().uri(java.net.URI.create(uri)).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCitizenPageHasTheSearchBoxInItsHeader() throws Exception {
        for (String uri : new String[] {"/", "/emner/familie-og-boern", "/handlingsside/meld-flytning", "/soeg"}) {
            Document page = page(uri);
            assertThat(page.select("header form[role=search]").attr("action")).as(uri).isEqualTo("/soeg");
            assertThat(page.select("header form[role=search] input[name=q]").attr("id")).isEqualTo("header-search-q");
            assertThat(page.select("label[for=header-search-q]").text()).isEqualTo("Søg efter selvbetjening");
            assertThat(page.select("script[src=/js/search-suggest.js]")).hasSize(1);
        }
    }

    @Test
    void showsResultsWithTheirHighlightTopicsAndCount() throws Exception {
        Document page = page("/soeg?q=korekort");
        assertThat(page.title()).isEqualTo("Søgning: korekort - Selvbetjening");
        assertThat(page.select(".search-results li h2 a").first().text()).isEqualTo("Forny dit kørekort");
        assertThat(page.select(".search-results li h2 a").first().attr("href"))
                .startsWith("/soeg/aabn?soegning=").endsWith("&side=forny-dit-koerekort");
        assertThat(page.select(".search-results li").first().select(".search-highlight mark").text())
                .isEqualTo("kørekort");
        assertThat(page.select("[role=status]").text()).isEqualTo("10 resultater for \"korekort\"");
        assertThat(page.select(".search-topics a").eachText()).contains("Transport, trafik, rejser (2)");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
    }

    @Test
    void keepsToAChosenTopic() throws Exception {
        Document page = page("/soeg?q=korekort&emne=transport-trafik-rejser");
        assertThat(page.select(".search-results li h2 a").eachText())
                .containsExactly("Forny dit kørekort", "Book tid i Borgerservice");
        assertThat(page.select(".search-topics a[aria-current=true]").text()).startsWith("Transport");
    }

    @Test
    void namesTheChosenMunicipalityForAMunicipalSolution() throws Exception {
        String body = mvc.get().uri("/soeg?q=rotter").cookie(new Cookie("kommunekode", "751")).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(body).select(".search-results li").first().select(".search-municipal").text())
                .isEqualTo("Du kommer til løsningen i Aarhus Kommune.");
    }

    @Test
    void escapesTheQueryEverywhere() throws Exception {
        String body = mvc.get().uri("/soeg?q={q}", "<script>alert(1)</script> rotter").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void helpsWhenNothingIsFound() throws Exception {
        Document page = page("/soeg?q=xylofonstemmer");
        assertThat(page.select(".search-nothing h2").text()).isEqualTo("Vi fandt ingen selvbetjening for \"xylofonstemmer\"");
        assertThat(page.select(".search-help .topic-list a")).hasSize(17);
        assertThat(page.select(".search-help").text()).contains("Kontakt Borgerservice");
    }

    @Test
    void offersABetterSpelling() throws Exception {
        Document page = page("/soeg?q=storskrlad");
        assertThat(page.select(".search-did-you-mean a").text()).isEqualTo("storskrald");
        assertThat(page.select(".search-did-you-mean a").attr("href")).isEqualTo("/soeg?q=storskrald");
    }

    @Test
    void answersABadQueryInDanishWithoutFailing() throws Exception {
        assertThat(mvc.get().uri("/soeg?q=" + "a".repeat(201))).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("Din søgning må højst være 200 tegn.");
        assertThat(mvc.get().uri("/soeg?q=pas&emne=findes-ikke")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/soeg?q=pas&side=0")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/soeg?q=" + "x".repeat(10_000))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/soeg?q={q}", "(\"*:~^[]\\/ - AND \u0000 🚲")).hasStatusOk();
        assertThat(mvc.get().uri("/soeg")).hasStatusOk();
    }

    @Test
    void countsTheSearchAndTheOpenedResultWithoutPersonalData() throws Exception {
        String query = "kørekort " + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9-]", "x");
        Document page = page("/soeg?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
        String open = page.select(".search-results li h2 a").first().attr("href");
        assertThat(mvc.get().uri(java.net.URI.create(open))).hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/handlingsside/forny-dit-koerekort");
        insights.flush();
        assertThat(jdbc.sql("SELECT opened_slug FROM search_query WHERE query = :q").param("q", query)
                .query(String.class).single()).isEqualTo("forny-dit-koerekort");
        assertThat(mvc.get().uri("/soeg/aabn?soegning=x&side=https://evil.example")).hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/soeg");
    }

    @Test
    void editorsSeeWhatCitizensSearchForAndAddASynonymInOneStep() throws Exception {
        var editor = accounts.editor();
        String query = "snabel" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        page("/soeg?q=" + query);
        Document page = Jsoup.parse(mvc.get().uri("/redaktion/soegninger").with(editor.login()).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("h2").eachText()).contains("Søgninger uden resultater", "Søgeindeks");
        assertThat(page.select("table").get(1).select("td a").eachText()).contains(query);

        assertThat(mvc.post().uri("/redaktion/soegninger/synonym").param("query", query).param("synonym", "rollator")
                .with(editor.login()).with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(page("/soeg?q=" + query).select(".search-results li h2 a").first().text())
                .isEqualTo("Søg om hjælpemidler");
        SystemPrincipal.run(() -> synonyms.groupsWith(query).forEach(g -> synonyms.delete(g.id())));
    }

    @Test
    void editorsKeepTheSynonymGroups() throws Exception {
        var editor = accounts.editor();
        Document page = Jsoup.parse(mvc.get().uri("/redaktion/synonymer").with(editor.login()).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("tbody tr").size()).isGreaterThanOrEqualTo(40);
        assertThat(mvc.post().uri("/redaktion/synonymer").param("terms", "kun et ord").with(editor.login())
                .with(csrf())).hasStatusOk().bodyText().contains("Skriv mindst to forskellige ord eller udtryk.");
        assertThat(mvc.get().uri("/redaktion/synonymer").with(accounts.authorityEditor(
                authorities.authorities().get(0).id()).login())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/redaktion/synonymer")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void editorsRebuildTheIndex() {
        assertThat(mvc.post().uri("/redaktion/soegninger/genopbyg").with(accounts.editor().login()).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/redaktion/soegninger");
    }
}
