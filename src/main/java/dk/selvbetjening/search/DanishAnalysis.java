package dk.selvbetjening.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * The Danish analysis of the search index (ADR 0021), one chain for indexing and for queries so both sides agree:
 * <ol>
 * <li>every character that is neither letter, digit nor space made a space (as {@link SearchText} does to queries),
 * Lucene's standard tokenizer, lower case;</li>
 * <li>compounds split by a curated list of word parts ({@code search/word-parts.txt}): "livstestamente" is also
 * "testamente", "cykeltyveri" also "cykel" and "tyveri" (the parts stacked on the word's position);</li>
 * <li>Danish letters also in their ASCII spellings ({@link DanishLetterVariantsFilter}): "kørekort" is also
 * "koerekort" and "korekort";</li>
 * <li>Snowball's Danish stemmer: "flytning" and "flytninger" meet.</li>
 * </ol>
 * No stop words are removed from the index, so phrases ("det gule kort") stay whole; queries leave them out of their
 * word clauses ({@link #isStopWord}). {@link #exact()} is the same chain without compounds and stemming, for the
 * exact title phrase; {@link #whole()} is without compounds, to tell a word's own forms from its parts.
 */
public final class DanishAnalysis {

    /** Analyzer names in the index mapping. */
    public static final String DANISH = "danish";
    public static final String DANISH_EXACT = "danish_exact";

    private static final Locale DA = Locale.forLanguageTag("da");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}\\s]");
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final CharArraySet WORD_PARTS = wordParts();

    private static final Analyzer FULL = new Chain(true, true);
    private static final Analyzer WHOLE = new Chain(false, true);
    private static final Analyzer EXACT = new Chain(false, false);
    private static final Analyzer HIGHLIGHTING = new Remembered();

    private DanishAnalysis() {
    }

    /** The index and query chain: compounds, letter variants, stemming. */
    public static Analyzer full() {
        return FULL;
    }

    /** Letter variants and stemming, no compound parts. */
    public static Analyzer whole() {
        return WHOLE;
    }

    /** Lower case and letter variants only: the exact title phrase. */
    public static Analyzer exact() {
        return EXACT;
    }

    /**
     * The terms of {@link #full()} with the same offsets, each word analysed once and then remembered
     * ({@link RememberedWordsFilter}): for the highlighter, which analyses the page text of every hit.
     */
    public static Analyzer highlighting() {
        return HIGHLIGHTING;
    }

    /** Danish stop words (Snowball's list, and their ASCII spellings), left out of a query's word clauses. */
    public static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(DA));
    }

    /** The distinct terms {@code analyzer} makes of {@code text}, in order. */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }

    /** The terms per position: the word and its stacked variants and parts (position increments of 0). */
    public static List<List<String>> positions(Analyzer analyzer, String field, String text) {
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>());
                }
                List<String> here = positions.get(positions.size() - 1);
                if (!here.contains(term.toString())) {
                    here.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(200, true);
        for (Object word : DanishAnalyzer.getDefaultStopSet()) {
            String text = new String((char[]) word);
            words.add(text);
            words.addAll(DanishLetterVariantsFilter.variants(text));
        }
        return CharArraySet.unmodifiableSet(words);
    }

    private static CharArraySet wordParts() {
        CharArraySet parts = new CharArraySet(400, true);
        try (InputStream in = DanishAnalysis.class.getResourceAsStream("/search/word-parts.txt")) {
            if (in == null) {
                throw new IllegalStateException("search/word-parts.txt is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String part = line.strip().toLowerCase(DA);
                if (!part.isEmpty() && !part.startsWith("#")) {
                    parts.add(part);
                    parts.addAll(DanishLetterVariantsFilter.variants(part));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CharArraySet.unmodifiableSet(parts);
    }

    /** The word parts the decompounder knows (for tests and the ADR). */
    static boolean isWordPart(String part) {
        return WORD_PARTS.contains(part);
    }

    /** Step 1 of the chain: characters that are neither letter, digit nor space as spaces; lower case. */
    private abstract static class Words extends Analyzer {

        /** Every character that is neither letter, digit nor space is a space: "mit.dk" is "mit dk" like a query. */
        @Override
        protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
            return new PatternReplaceCharFilter(NOT_WORD, " ", reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Step 1, then each word's terms from {@link #full()}, remembered. */
    private static final class Remembered extends Words {

        private final java.util.Map<String, List<String>> words = RememberedWordsFilter.newMap();

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new RememberedWordsFilter(new LowerCaseFilter(source), words,
                    word -> terms(FULL, fieldName, word));
            return new TokenStreamComponents(source, stream);
        }
    }

    private static final class Chain extends Words {

        private final boolean compounds;
        private final boolean stemming;

        Chain(boolean compounds, boolean stemming) {
            this.compounds = compounds;
            this.stemming = stemming;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            if (compounds) {
                // parts of 3-20 letters in words of 6 letters or more; every part found, not only the longest
                stream = new DictionaryCompoundWordTokenFilter(stream, WORD_PARTS, 6, 3, 20, false);
            }
            stream = new DanishLetterVariantsFilter(stream);
            if (stemming) {
                stream = new SnowballFilter(stream, new DanishStemmer());
            }
            return new TokenStreamComponents(source, stream);
        }
    }
}
