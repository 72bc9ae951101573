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
    void theHighlightingChainGivesTheFullChainsTermsAtTheSameOffsets() {
        String text = "Forny dit Kørekort! Livstestamente, cykeltyveri og influenzavaccination i 2026: mit.dk/e-boks. "
                + "Bilerne, flytninger; årsopgørelse og boligstøtte - kørekort igen.";
        assertThat(tokens(DanishAnalysis.highlighting(), text)).isEqualTo(tokens(DanishAnalysis.full(), text))
                .contains(full("testamente").get(0) + "@20-34", full("koerekort").get(0) + "@10-18",
                        full("cykel").get(0) + "@36-47");
        assertThat(tokens(DanishAnalysis.highlighting(), text)).as("the second time, from what it remembers")
                .isEqualTo(tokens(DanishAnalysis.full(), text));
    }

    /** Each term as term@start-end, in the stream's order within a position and sorted across positions. */
    private static List<String> tokens(org.apache.lucene.analysis.Analyzer analyzer, String text) {
        List<String> tokens = new java.util.ArrayList<>();
        try (var stream = analyzer.tokenStream("f", text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var offset = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tokens.stream().distinct().sorted().toList();
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
