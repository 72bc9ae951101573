package dk.selvbetjening.search;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The forms of a word within {@code edits} edits in one field, asked only when no field of the index holds the word's
 * own forms: a word the index knows is spelt right, and a {@link FuzzyQuery} is costly (its Levenshtein automaton is built
 * per field and query: it was most of a search's time, ADR 0021). Decided when the query is rewritten against the
 * searcher's index reader, so it follows the index as it is at each search.
 */
final class TypoQuery extends Query {

    private final String field;
    private final List<String> own;
    private final int edits;

    TypoQuery(String field, List<String> own, int edits) {
        this.field = field;
        this.own = List.copyOf(own);
        this.edits = edits;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        for (String known : SearchQueries.FIELDS.keySet()) {
            for (String term : own) {
                if (reader.docFreq(new Term(known, term)) > 0) {
                    return new MatchNoDocsQuery("the index holds the word itself");
                }
            }
        }
        return new TypoTerms(new Term(field, own.get(0)), edits, 1, 30);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return "typo(" + field + ":" + own.get(0) + "~" + edits + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((TypoQuery) other).field) && own.equals(((TypoQuery) other).own)
                && edits == ((TypoQuery) other).edits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, own, edits);
    }
}
