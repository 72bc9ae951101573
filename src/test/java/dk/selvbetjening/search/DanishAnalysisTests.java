package dk.selvbetjening.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Danish analysis rules of ADR 0021, each with its examples. */
class DanishAnalysisTests {

    private static List<String> full(String text) {
        return DanishAnalysis.terms(DanishAnalysis.full(), "f", text);
    }

    private static boolean meet(String query, String text) {
        return full(query).stream().anyMatch(full(text)::contains);
    }

    @Test
    void stemmingBringsInflectionsTogether() {
        assertThat(full("flytninger")).containsAnyElementsOf(full("flytning"));
        assertThat(full("bilerne")).contains("bil");
        assertThat(full("kørekortet")).containsAnyElementsOf(full("kørekort"));
    }

    @Test
    void spellingsWithoutDanishLettersFindTheDanishWord() {
        assertThat(meet("korekort", "Forny dit kørekort")).isTrue();
        assertThat(meet("koerekort", "Forny dit kørekort")).isTrue();
        assertThat(meet("aarsopgoerelse", "Se din årsopgørelse")).isTrue();
        assertThat(meet("arsopgorelse", "Se din årsopgørelse")).isTrue();
        assertThat(meet("boligstotte", "Søg om boligstøtte")).isTrue();
        assertThat(meet("aegtefaelle", "familiesammenføring med din ægtefælle")).isTrue();
        assertThat(meet("kørekort", "korekort")).as("both ways: the query's Danish letters meet ASCII text").isTrue();
    }

    @Test
    void compoundsAreFoundByTheirParts() {
        assertThat(full("livstestamente")).contains(full("testamente").get(0));
        assertThat(full("influenzavaccination")).contains(full("influenza").get(0));
        assertThat(full("cykeltyveri")).contains(full("cykel").get(0), full("tyveri").get(0));
        assertThat(full("sygesikringskort")).contains(full("kort").get(0));
    }

    @Test
    void wordsWithoutKnownPartsStayWhole() {
        assertThat(full("matrikelnummer")).containsExactly("matrikelnum");
    }

    @Test
    void stopWordsStayInTheIndexForPhrasesButAreKnownToQueries() {
        assertThat(full("det gule kort")).contains("det");
        assertThat(DanishAnalysis.isStopWord("det")).isTrue();
        assertThat(DanishAnalysis.isStopWord("og")).isTrue();
        assertThat(DanishAnalysis.isStopWord("kørekort")).isFalse();
    }

    @Test
    void theExactChainOnlyLowersCaseAndAddsSpellings() {
        assertThat(DanishAnalysis.terms(DanishAnalysis.exact(), "f", "Forny dit Kørekort"))
                .containsExactly("forny", "dit", "kørekort", "koerekort", "korekort");
    }

    @Test
    void letterVariantsAreTheTwoWaysDanesTypeWithoutTheLetters() {
        assertThat(DanishLetterVariantsFilter.variants("årsopgørelse"))
                .containsExactlyInAnyOrder("aarsopgoerelse", "arsopgorelse");
        assertThat(DanishLetterVariantsFilter.variants("tandlæge")).contains("tandlaege", "tandlage", "tandlege");
        assertThat(DanishLetterVariantsFilter.variants("skat")).isEmpty();
    }
}
