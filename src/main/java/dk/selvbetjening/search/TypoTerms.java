package dk.selvbetjening.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A {@link FuzzyQuery} whose Levenshtein automata are built once per word and kept (the most recent
 * {@value #CACHED} words): building them was most of a search's time when a word was misspelt. Matches and boosts
 * exactly as {@link FuzzyQuery} does: a term {@code ed} edits away gets {@code 1 - ed / min(length, term's length)}.
 */
final class TypoTerms extends FuzzyQuery {

    static final int CACHED = 256;
    private static final Map<String, CompiledAutomaton[]> AUTOMATA = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledAutomaton[]> eldest) {
            return size() > CACHED;
        }
    };

    private final String text;
    private final int termLength;

    TypoTerms(Term term, int maxEdits, int prefixLength, int maxExpansions) {
        super(term, maxEdits, prefixLength, maxExpansions, true);
        this.text = term.text();
        this.termLength = text.codePointCount(0, text.length());
    }

    /** The automata for 0 to {@code maxEdits} edits. */
    private CompiledAutomaton[] automata() {
        String key = getMaxEdits() + ":" + getPrefixLength() + ":" + text;
        synchronized (AUTOMATA) {
            CompiledAutomaton[] cached = AUTOMATA.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CompiledAutomaton[] built = new CompiledAutomaton[getMaxEdits() + 1];
        for (int edits = 0; edits <= getMaxEdits(); edits++) {
            built[edits] = FuzzyQuery.getFuzzyAutomaton(text, edits, getPrefixLength(), true);
        }
        synchronized (AUTOMATA) {
            AUTOMATA.put(key, built);
        }
        return built;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        if (getMaxEdits() == 0 || getPrefixLength() >= termLength) {
            return super.getTermsEnum(terms, atts);
        }
        CompiledAutomaton[] automata = automata();
        return new Enum(automata[automata.length - 1].getTermsEnum(terms), automata);
    }

    private final class Enum extends TermsEnum {

        private final TermsEnum matching;
        private final CompiledAutomaton[] automata;
        private final AttributeSource attributes = new AttributeSource();
        private final BoostAttribute boost = attributes.addAttribute(BoostAttribute.class);

        Enum(TermsEnum matching, CompiledAutomaton[] automata) {
            this.matching = matching;
            this.automata = automata;
        }

        @Override
        public BytesRef next() throws IOException {
            BytesRef next = matching.next();
            if (next != null) {
                int edits = automata.length - 1;
                while (edits > 0 && automata[edits - 1].runAutomaton.run(next.bytes, next.offset, next.length)) {
                    edits--;
                }
                boost.setBoost(edits == 0 ? 1f
                        : 1f - (float) edits / Math.min(UnicodeUtil.codePointCount(next), termLength));
            }
            return next;
        }

        @Override
        public AttributeSource attributes() {
            return attributes;
        }

        @Override
        public BytesRef term() throws IOException {
            return matching.term();
        }

        @Override
        public int docFreq() throws IOException {
            return matching.docFreq();
        }

        @Override
        public long totalTermFreq() throws IOException {
            return matching.totalTermFreq();
        }

        @Override
        public org.apache.lucene.index.PostingsEnum postings(org.apache.lucene.index.PostingsEnum reuse, int flags)
                throws IOException {
            return matching.postings(reuse, flags);
        }

        @Override
        public org.apache.lucene.index.ImpactsEnum impacts(int flags) throws IOException {
            return matching.impacts(flags);
        }

        @Override
        public org.apache.lucene.index.TermState termState() throws IOException {
            return matching.termState();
        }

        @Override
        public long ord() throws IOException {
            return matching.ord();
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            return matching.seekExact(text);
        }

        @Override
        public void seekExact(BytesRef text, org.apache.lucene.index.TermState state) throws IOException {
            matching.seekExact(text, state);
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) throws IOException {
            return matching.seekCeil(text);
        }

        @Override
        public void seekExact(long ord) throws IOException {
            matching.seekExact(ord);
        }
    }
}
