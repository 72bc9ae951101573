package dk.selvbetjening.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.ModuleListeners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The search over the demo content's 34 self-services: each analysis rule and the ranking, end to end. */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
@ActingAsSystem
class SearchServiceTests {

    @Autowired
    SearchService search;

    @Autowired
    Synonyms synonyms;

    @Autowired
    ModuleListeners listeners;

    @BeforeEach
    void indexed() {
        listeners.awaitAll("search.");
    }

    private List<String> slugs(String query) {
        return search.find(query, null, 0, 10).hits().stream().map(SearchResults.Hit::slug).toList();
    }

    private String first(String query) {
        List<String> slugs = slugs(query);
        return slugs.isEmpty() ? null : slugs.get(0);
    }

    @Test
    void findsInflectedWords() {
        assertThat(first("flytning")).isEqualTo("meld-flytning");
        assertThat(first("flytter")).isEqualTo("meld-flytning");
        assertThat(first("folkepensionen")).startsWith("soeg-om-folkepension");
    }

    @Test
    void findsDanishLettersTypedWithout() {
        assertThat(first("korekort")).isEqualTo("forny-dit-koerekort");
        assertThat(first("aarsopgoerelse")).isEqualTo("se-din-aarsopgoerelse");
        assertThat(slugs("boligstotte")).startsWith("soeg-om-boligstoette").contains("beregn-din-boligstoette")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void findsCompoundsByTheirParts() {
        assertThat(first("testamente")).isEqualTo("opret-livstestamente");
        assertThat(first("cykeltyveri")).isEqualTo("anmeld-tyveri-af-din-cykel");
        assertThat(first("influenza")).isEqualTo("book-tid-til-influenzavaccination-paa-apoteket");
    }

    @Test
    void forgivesTyposButRanksThemBelowExactMatches() {
        assertThat(first("straffeatest")).as("one edit").isEqualTo("bestil-din-straffeattest");
        assertThat(first("folkepenssion")).as("one edit in 13 letters").startsWith("soeg-om-folkepension");
        assertThat(first("skilsmise")).isEqualTo("soeg-om-separation-eller-skilsmisse");
        assertThat(slugs("pas")).as("no fuzziness under 5 letters").doesNotContain("soeg-om-su");
    }

    @Test
    void ranksTheExactTitlePhraseFirst() {
        assertThat(first("Søg om boligstøtte")).isEqualTo("soeg-om-boligstoette");
        assertThat(first("beregn din boligstøtte")).isEqualTo("beregn-din-boligstoette");
        assertThat(first("Søg om folkepension")).isEqualTo("soeg-om-folkepension");
    }

    @Test
    void ranksTitleAboveKeywordsAboveDescriptionAbovePageText() {
        // "rollator" is only a keyword and in the short description of the aids; "sundhedskort" is a title word
        assertThat(first("sundhedskort")).isEqualTo("bestil-nyt-sundhedskort");
        List<String> job = slugs("job");
        assertThat(job.get(0)).isEqualTo("find-job-paa-jobnet");
        assertThat(job).contains("bestil-din-straffeattest");
        assertThat(job.indexOf("find-job-paa-jobnet")).isLessThan(job.indexOf("bestil-din-straffeattest"));
    }

    @Test
    void appliesTheShippedSynonyms() {
        assertThat(first("det gule kort")).isEqualTo("bestil-nyt-sundhedskort");
        assertThat(first("selvangivelse")).isEqualTo("se-din-aarsopgoerelse");
        assertThat(first("grovaffald")).isEqualTo("bestil-afhentning-af-storskrald");
    }

    @Test
    void anEditedSynonymWorksAtTheNextSearch() {
        assertThat(slugs("snabelsko")).isEmpty();
        SynonymGroupSummary group = synonyms.add("snabelsko, rollator");
        try {
            assertThat(first("snabelsko")).isEqualTo("soeg-om-hjaelpemidler");
            synonyms.change(group.id(), group.version(), "snabelsko, kørekort");
            assertThat(first("snabelsko")).isEqualTo("forny-dit-koerekort");
        } finally {
            synonyms.delete(group.id());
        }
        assertThat(slugs("snabelsko")).isEmpty();
    }

    @Test
    void countsResultsPerTopic() {
        SearchResults results = search.find("boligstøtte", null, 0, 10);
        assertThat(results.topics()).extracting(SearchResults.TopicCount::slug)
                .contains("bolig-og-flytning", "oekonomi-skat-su");
        SearchResults inTopic = search.find("boligstøtte", "bolig-og-flytning", 0, 10);
        assertThat(inTopic.topics()).as("counts of all results, whichever topic is chosen")
                .isEqualTo(results.topics());
    }

    @Test
    void highlightsTheMatchedWordsEscaped() {
        SearchResults results = search.find("rotter", null, 0, 10);
        assertThat(results.hits().get(0).highlights()).anySatisfy(h -> assertThat(h).contains("<mark>"));
        assertThat(String.join("", results.hits().get(0).highlights()).replaceAll("</?mark>", ""))
                .doesNotContain("<", ">");
    }

    @Test
    void offersABetterSpellingWhenFewResults() {
        SearchResults results = search.find("storskrlad", null, 0, 10);
        assertThat(results.didYouMean()).isEqualTo("storskrald");
        assertThat(search.find("kørekort", null, 0, 10).didYouMean()).isNull();
    }

    @Test
    void suggestsTitlesFromTheFirstLetters() {
        assertThat(search.suggest("kørek")).extracting(SearchService.Suggestion::slug).contains("forny-dit-koerekort");
        assertThat(search.suggest("korek")).extracting(SearchService.Suggestion::slug).contains("forny-dit-koerekort");
        assertThat(search.suggest("søg om bolig")).extracting(SearchService.Suggestion::slug)
                .first().isEqualTo("soeg-om-boligstoette");
    }

    @Test
    void hostileQueriesAreWordsAndNeverErrors() {
        for (String query : List.of("*", "\"", "(", ")", "~", "^", "[", "]", "\\", "/", "-", "AND", "OR NOT",
                "kørekort*", "\"kørekort", "kørekort~2", "title:kørekort", "a\u0000b\u0007c", "🚲 cykel 🚲",
                "x".repeat(10_000), "<script>alert(1)</script>", "' OR 1=1 --")) {
            SearchResults results = search.find(query, null, 0, 10);
            assertThat(results.total()).isGreaterThanOrEqualTo(0);
        }
        assertThat(first("kørekort*")).isEqualTo("forny-dit-koerekort");
        assertThat(first("🚲 cykel 🚲")).isEqualTo("anmeld-tyveri-af-din-cykel");
    }
}
