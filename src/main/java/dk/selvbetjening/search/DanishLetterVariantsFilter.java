package dk.selvbetjening.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * A word with æ, ø or å also in the two ways Danes type it without those letters, stacked on its position: "æ" as
 * "ae" and "a", "ø" as "oe" and "o", "å" as "aa" and "a" ("kørekort" → "koerekort", "korekort";
 * "årsopgørelse" → "aarsopgoerelse", "arsopgorelse"). Runs on both the indexed text and the query, so a query in
 * either spelling meets the word, and a query with Danish letters still meets text that has them.
 */
final class DanishLetterVariantsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private AttributeSource.State state;

    DanishLetterVariantsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(state);
            term.setEmpty().append(pending.poll());
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        Set<String> variants = variants(word);
        if (!variants.isEmpty()) {
            pending.addAll(variants);
            state = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        state = null;
    }

    /** The word's ASCII spellings (empty when it has no æ, ø or å). */
    static Set<String> variants(String word) {
        if (word.indexOf('æ') < 0 && word.indexOf('ø') < 0 && word.indexOf('å') < 0) {
            return Set.of();
        }
        Set<String> variants = new LinkedHashSet<>();
        variants.add(word.replace("æ", "ae").replace("ø", "oe").replace("å", "aa"));
        variants.add(word.replace('æ', 'a').replace('ø', 'o').replace('å', 'a'));
        // "æ" is typed as "e" too ("bernehave" is rare, but "tandlege" for "tandlæge" is common)
        variants.add(word.replace('æ', 'e').replace('ø', 'o').replace('å', 'a'));
        variants.remove(word);
        return variants;
    }
}
