package dk.selvbetjening.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Each word's terms (the word and what is stacked on its position) from a map of the words analysed before, so that a
 * text is analysed word by word only once per word, not at every search: the highlighter analyses the page text of
 * every hit, and the compound, letter and stemming filters were most of that (ADR 0021). Every term keeps the word's
 * offsets, as the compound filter gives its parts. The map holds at most {@value #WORDS} words and starts over when
 * full (the portal's texts use some tens of thousands).
 */
final class RememberedWordsFilter extends TokenFilter {

    static final int WORDS = 200_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Map<String, List<String>> remembered;
    private final Function<String, List<String>> analysis;
    private List<String> pending = List.of();
    private int next;

    /**
     * @param remembered the words' terms, shared by every stream of the analyzer
     * @param analysis a single word's terms, in order, the word's own first (never empty)
     */
    RememberedWordsFilter(TokenStream input, Map<String, List<String>> remembered,
            Function<String, List<String>> analysis) {
        super(input);
        this.remembered = remembered;
        this.analysis = analysis;
    }

    static Map<String, List<String>> newMap() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < pending.size()) {
            term.setEmpty().append(pending.get(next++));
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        List<String> terms = remembered.get(word);
        if (terms == null) {
            terms = List.copyOf(analysis.apply(word));
            if (remembered.size() >= WORDS) {
                remembered.clear();
            }
            remembered.put(word, terms);
        }
        if (!terms.isEmpty()) {
            term.setEmpty().append(terms.get(0));
        }
        pending = terms;
        next = 1;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = List.of();
        next = 0;
    }
}
