package dk.selvbetjening.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dk.selvbetjening.shared.ModuleListeners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The search API over the demo content: whole bodies, every bad parameter, hostile queries. */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
class SearchApiControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ModuleListeners listeners;

    @BeforeEach
    void indexed() {
        listeners.awaitAll("search.");
    }

    @Test
    void answersTheWholeBody() {
        assertThat(mvc.get().uri("/api/v1/search?q=korekort&size=1")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON).bodyJson().isStrictlyEqualTo("""
                        {
                          "items": [{
                            "slug": "forny-dit-koerekort",
                            "title": "Forny dit kørekort",
                            "shortDescription": "Forny dit kørekort, når det udløber, eller når du har mistet det.",
                            "actionPageUrl": "http://localhost/handlingsside/forny-dit-koerekort",
                            "highlights": [%s]
                          }],
                          "page": 0, "size": 1, "totalItems": %d,
                          "facets": {"topics": [%s]},
                          "didYouMean": null
                        }""".formatted(HIGHLIGHT, TOTAL, FACETS));
    }

    static final String HIGHLIGHT = "\"Husk dit gamle <mark>kørekort</mark> og et foto.\"";
    /** "korekort" is also its part "kort": the health card, the land register map and others follow. */
    static final int TOTAL = 10;
    static final String FACETS = """
            {"slug": "sundhed-og-sygdom", "count": 4}, {"slug": "handicap", "count": 1},
            {"slug": "arbejde-dagpenge-ferie", "count": 1}, {"slug": "oekonomi-skat-su", "count": 1},
            {"slug": "aeldre", "count": 1}, {"slug": "bolig-og-flytning", "count": 1},
            {"slug": "transport-trafik-rejser", "count": 2}, {"slug": "samfund-og-rettigheder", "count": 1},
            {"slug": "kultur-og-fritid", "count": 1}""";

    @Test
    void namesTheMunicipalityInAMunicipalSolutionsUrl() {
        assertThat(mvc.get().uri("/api/v1/search?q=rotter&municipalityCode=751")).hasStatusOk().bodyJson()
                .extractingPath("$.items[0].actionPageUrl")
                .isEqualTo("http://localhost/handlingsside/anmeld-rotter?kommunekode=751");
        assertThat(mvc.get().uri("/api/v1/search?q=kørekort&municipalityCode=751")).hasStatusOk().bodyJson()
                .extractingPath("$.items[0].actionPageUrl")
                .as("a national solution's page is the same everywhere")
                .isEqualTo("http://localhost/handlingsside/forny-dit-koerekort");
    }

    @Test
    void keepsToATopicAndCountsAllTopics() {
        assertThat(mvc.get().uri("/api/v1/search?q=boligstøtte&topic=bolig-og-flytning")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.items[*].slug", v -> v.assertThat().asList()
                        .contains("soeg-om-boligstoette", "beregn-din-boligstoette"))
                .hasPathSatisfying("$.facets.topics[*].slug", v -> v.assertThat().asList()
                        .contains("bolig-og-flytning", "oekonomi-skat-su"));
    }

    @Test
    void pagesThroughTheResults() {
        assertThat(mvc.get().uri("/api/v1/search?q=søg&size=2&page=1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.items.length()", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.page", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.size", v -> v.assertThat().isEqualTo(2));
    }

    @Test
    void offersABetterSpellingWhenNothingIsFound() {
        assertThat(mvc.get().uri("/api/v1/search?q=storskrlad")).hasStatusOk().bodyJson()
                .extractingPath("$.didYouMean").isEqualTo("storskrald");
    }

    @Test
    void refusesAMissingEmptyOrOverlongQueryInDanish() {
        for (String uri : List.of("/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%20%20",
                "/api/v1/search?q=" + "a".repeat(201), "/api/v1/search/suggest", "/api/v1/search/suggest?q=")) {
            assertThat(mvc.get().uri(java.net.URI.create(uri))).as(uri).hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                    .extractingPath("$.errors[0].field").isEqualTo("q");
        }
        assertThat(mvc.get().uri("/api/v1/search?q=")).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("Skriv, hvad du søger efter.");
        assertThat(mvc.get().uri("/api/v1/search?q=" + "a".repeat(201))).bodyJson()
                .extractingPath("$.errors[0].message").isEqualTo("Din søgning må højst være 200 tegn.");
        assertThat(mvc.get().uri("/api/v1/search?q=" + "a".repeat(200))).hasStatusOk();
    }

    @Test
    void refusesEveryOtherBadParameterNamingIt() {
        for (String[] bad : new String[][] {{"topic=ingen-slags-emne", "topic"}, {"page=-1", "page"},
                {"page=x", "page"}, {"page=1001", "page"}, {"size=0", "size"}, {"size=51", "size"},
                {"size=1e3", "size"}, {"municipalityCode=9999", "municipalityCode"},
                {"municipalityCode=abc", "municipalityCode"}}) {
            assertThat(mvc.get().uri("/api/v1/search?q=pas&" + bad[0])).as(bad[0]).hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                    .extractingPath("$.errors[0].field").isEqualTo(bad[1]);
        }
    }

    @Test
    void takesQuerySyntaxAsWordsAndNeverFails() {
        for (String q : List.of("*", "\"", "(", ")", "~", "^", "[", "]", "\\", "/", "-", "AND", ":", "a:b",
                "kørekort~2", "\"kørekort", "(pas OR", "a\u0000b", "\u0007", "🚲🚲", "<b>pas</b>", "%", "{}", "&&",
                "||", "!", "?", "title:*")) {
            String uri = "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            assertThat(mvc.get().uri(java.net.URI.create(uri))).as(q).hasStatusOk();
            assertThat(mvc.get().uri(java.net.URI.create(uri.replace("/search?", "/search/suggest?")))).as(q)
                    .hasStatusOk();
        }
    }

    @Test
    void suggestsTitlesWhileTyping() {
        assertThat(mvc.get().uri("/api/v1/search/suggest?q=korek")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                [{"slug": "forny-dit-koerekort", "title": "Forny dit kørekort",
                  "actionPageUrl": "http://localhost/handlingsside/forny-dit-koerekort"},
                 {"slug": "book-tid-i-borgerservice", "title": "Book tid i Borgerservice",
                  "actionPageUrl": "http://localhost/handlingsside/book-tid-i-borgerservice"}]""");
    }
}
