package dk.selvbetjening.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query for a citizen's words (ADR 0021). The query is built from the words themselves, never
 * parsed: quotes, stars, {@code AND} or a lone {@code -} are words like any other. Per word, every field is asked
 * with its weight (title 10, keywords 5, short description 3, authority 1.5, page text 1): the word's own forms
 * (stem and ASCII spellings), its compound parts at 0.4 of the weight, and, for words of 5 letters or more, the
 * forms within one edit (two from 8 letters) in title, keywords and short description at 0.3 of it, so an exact match always ranks above a typo (asked only
 * when the index does not hold the word itself: {@link TypoQuery}). The whole
 * query as a phrase in the title adds 40; a synonym group member in the query adds the other members' phrases at
 * 0.6 of each field's weight. Stop words are left out of the word clauses (not of the phrases).
 */
final class SearchQueries {

    static final Map<String, Float> FIELDS = Map.of(
            SearchDocument.TITLE, 10f,
            SearchDocument.KEYWORDS, 5f,
            SearchDocument.SHORT_DESCRIPTION, 3f,
            "authorityName", 1.5f,
            SearchDocument.PAGE_TEXT, 1f);
    static final float TITLE_PHRASE = 40f;
    static final float PARTS = 0.4f;
    static final float FUZZY = 0.3f;
    static final float SYNONYM = 0.6f;

    private SearchQueries() {
    }

    /** The query for the normalised text (see {@link SearchText}); matches nothing when it has no words. */
    static Query query(String normalised, List<List<String>> synonymGroups) {
        return query(normalised, synonymGroups, true);
    }

    /**
     * The query; without {@code fuzzy} its typo clauses are left out (for highlighting: Levenshtein automata are
     * costly to build for every passage, and a passage marks the words as written).
     */
    static Query query(String normalised, List<List<String>> synonymGroups, boolean fuzzy) {
        String[] allWords = SearchText.words(normalised);
        if (allWords.length == 0) {
            return new MatchNoDocsQuery();
        }
        List<String> words = new ArrayList<>();
        for (String word : allWords) {
            if (!DanishAnalysis.isStopWord(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            words = List.of(allWords);
        }
        BooleanQuery.Builder content = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            Query clause = word(word, fuzzy);
            if (clause != null) {
                content.add(clause, Occur.SHOULD);
                clauses++;
            }
        }
        content.setMinimumNumberShouldMatch(clauses <= 2 ? 1 : (clauses + 1) / 2);

        BooleanQuery.Builder top = new BooleanQuery.Builder();
        if (clauses > 0) {
            top.add(content.build(), Occur.SHOULD);
        }
        Query titlePhrase = new QueryBuilder(DanishAnalysis.exact()).createPhraseQuery(SearchDocument.TITLE_EXACT,
                normalised);
        if (titlePhrase != null) {
            top.add(new BoostQuery(titlePhrase, TITLE_PHRASE), Occur.SHOULD);
        }
        for (String other : synonymsOf(normalised, synonymGroups)) {
            Query synonym = phrase(other, SYNONYM);
            if (synonym != null) {
                top.add(synonym, Occur.SHOULD);
            }
        }
        return top.build();
    }

    /**
     * The words alone, without typos, phrases or synonyms: what a highlighted passage marks. Without positional
     * clauses the highlighter reads the passage's tokens directly instead of building an index of it per hit.
     */
    static Query highlight(String normalised) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : SearchText.words(normalised)) {
            Query clause = DanishAnalysis.isStopWord(word) ? null : word(word, false);
            if (clause != null) {
                query.add(clause, Occur.SHOULD);
            }
        }
        return query.build();
    }

    /** The members of every group that has a member in the query (as whole words), other than those members. */
    static List<String> synonymsOf(String normalised, List<List<String>> groups) {
        String padded = " " + normalised + " ";
        List<String> others = new ArrayList<>();
        for (List<String> group : groups) {
            List<String> present = group.stream().filter(term -> padded.contains(" " + term + " ")).toList();
            if (!present.isEmpty()) {
                group.stream().filter(term -> !present.contains(term) && !others.contains(term)).forEach(others::add);
            }
        }
        return others;
    }

    /** Titles that begin with the words typed so far: the last word may be unfinished. */
    static Query suggestion(String normalised) {
        String[] words = SearchText.words(normalised);
        if (words.length == 0) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < words.length - 1; i++) {
            Query clause = word(words[i], false);
            if (clause != null) {
                query.add(clause, Occur.MUST);
            }
        }
        String last = words[words.length - 1];
        BooleanQuery.Builder prefix = new BooleanQuery.Builder();
        prefix.add(new BoostQuery(new PrefixQuery(new Term(SearchDocument.TITLE_EXACT, last)), 3f), Occur.SHOULD);
        prefix.add(new PrefixQuery(new Term(SearchDocument.KEYWORDS, last)), Occur.SHOULD);
        query.add(prefix.build(), Occur.MUST);
        return query.build();
    }

    /** Fields where a typo is looked for: the short ones (a typo in the page text finds too much, too slowly). */
    static final List<String> FUZZY_FIELDS = List.of(SearchDocument.TITLE, SearchDocument.KEYWORDS,
            SearchDocument.SHORT_DESCRIPTION);

    private static Query word(String word, boolean fuzzy) {
        List<String> own = DanishAnalysis.terms(DanishAnalysis.whole(), "", word);
        if (own.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>(DanishAnalysis.terms(DanishAnalysis.full(), "", word));
        parts.removeAll(own);
        int edits = !fuzzy ? 0 : word.length() >= 8 ? 2 : word.length() >= 5 ? 1 : 0;
        BooleanQuery.Builder clause = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            clause.add(new BoostQuery(synonyms(field.getKey(), own), field.getValue()), Occur.SHOULD);
            if (!parts.isEmpty()) {
                clause.add(new BoostQuery(synonyms(field.getKey(), parts), field.getValue() * PARTS), Occur.SHOULD);
            }
            if (edits > 0 && FUZZY_FIELDS.contains(field.getKey())) {
                clause.add(new BoostQuery(new TypoQuery(field.getKey(), own, edits), field.getValue() * FUZZY),
                        Occur.SHOULD);
            }
        }
        return clause.build();
    }

    private static Query synonyms(String field, List<String> terms) {
        SynonymQuery.Builder builder = new SynonymQuery.Builder(field);
        terms.forEach(term -> builder.addTerm(new Term(field, term)));
        return builder.build();
    }

    private static Query phrase(String text, float factor) {
        Analyzer analyzer = DanishAnalysis.whole();
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int added = 0;
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Query phrase = builder.createPhraseQuery(field.getKey(), text);
            if (phrase != null) {
                query.add(new BoostQuery(phrase, field.getValue() * factor), Occur.SHOULD);
                added++;
            }
        }
        return added == 0 ? null : query.build();
    }
}
