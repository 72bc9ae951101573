package dk.selvbetjening.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The typo clauses: asked only for words the index does not hold, and scored as Lucene's FuzzyQuery scores. */
class TypoQueryTests {

    private static final List<String> TITLES = List.of("Forny dit kørekort", "Bestil sundhedskort",
            "Søg om boligstøtte", "Anmeld flytning", "Meld flytninger", "Kørekortet er fornyet", "Boligydelse");

    private static IndexSearcher searcher(ByteBuffersDirectory directory) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(DanishAnalysis.full()))) {
            for (String title : TITLES) {
                Document document = new Document();
                document.add(new TextField(SearchDocument.TITLE, title, Field.Store.YES));
                writer.addDocument(document);
            }
        }
        return new IndexSearcher(DirectoryReader.open(directory));
    }

    @Test
    void scoresEveryMisspellingAsFuzzyQueryDoes() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            IndexSearcher searcher = searcher(directory);
            for (String word : List.of("korekort", "boligstote", "flytnig", "sundhedskrt", "bolig", "xyzzyx")) {
                for (int edits = 1; edits <= 2; edits++) {
                    Term term = new Term(SearchDocument.TITLE, word);
                    ScoreDoc[] expected = searcher.search(new FuzzyQuery(term, edits, 1, 30, true), 10).scoreDocs;
                    ScoreDoc[] actual = searcher.search(new TypoTerms(term, edits, 1, 30), 10).scoreDocs;
                    assertThat(actual).as(word + "~" + edits).hasSameSizeAs(expected);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i].doc).as(word + "~" + edits).isEqualTo(expected[i].doc);
                        assertThat(actual[i].score).as(word + "~" + edits).isEqualTo(expected[i].score);
                    }
                }
            }
            assertThat(searcher.search(new TypoTerms(new Term(SearchDocument.TITLE, "korekort"), 1, 1, 30), 10)
                    .totalHits.value).as("korekort finds kørekort").isPositive();
            searcher.getIndexReader().close();
        }
    }

    @Test
    void asksForTyposOnlyWhenTheIndexDoesNotHoldTheWord() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            IndexSearcher searcher = searcher(directory);
            Query known = new TypoQuery(SearchDocument.TITLE, DanishAnalysis.terms(DanishAnalysis.whole(), "", "kørekort"), 1);
            Query unknown = new TypoQuery(SearchDocument.TITLE, DanishAnalysis.terms(DanishAnalysis.whole(), "", "kørekrt"), 1);
            assertThat(searcher.rewrite(known)).isInstanceOf(MatchNoDocsQuery.class);
            assertThat(searcher.rewrite(unknown)).isNotInstanceOf(MatchNoDocsQuery.class);
            assertThat(searcher.search(unknown, 10).totalHits.value).isPositive();
            searcher.getIndexReader().close();
        }
    }
}
