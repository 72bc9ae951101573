package dk.selvbetjening.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/**
 * One published self-service as the search index sees it: a copy, kept by {@link SearchDocuments} from the catalogue's
 * and the action pages' events, of what citizens can find it by. Hibernate Search indexes each row when the
 * transaction that writes it commits. Fields and their weights: ADR 0021; change {@link SearchIndex#MAPPING_VERSION}
 * with the mapping.
 */
@Entity
@Table(name = "search_document")
@Indexed(index = "self-services")
class SearchDocument {

    static final String TITLE = "title";
    static final String TITLE_EXACT = "title_exact";
    static final String KEYWORDS = "keywords";
    static final String SHORT_DESCRIPTION = "shortDescription";
    static final String PAGE_TEXT = "pageText";
    static final String TOPIC = "topic";
    static final String STARTS = "starts";

    @Id
    private UUID selfServiceId;

    @KeywordField(projectable = Projectable.YES)
    @Column(nullable = false, length = 200)
    private String slug;

    @FullTextField(name = TITLE, analyzer = DanishAnalysis.DANISH, projectable = Projectable.YES)
    @FullTextField(name = TITLE_EXACT, analyzer = DanishAnalysis.DANISH_EXACT)
    @Column(nullable = false, length = 300)
    private String title;

    @FullTextField(analyzer = DanishAnalysis.DANISH, projectable = Projectable.YES)
    @Column(nullable = false, length = 1000)
    private String shortDescription;

    /** The keywords, one a line. */
    @FullTextField(analyzer = DanishAnalysis.DANISH)
    @Column(nullable = false, length = 4000)
    private String keywords;

    /** The topics' slugs, one a line. */
    @Column(nullable = false, length = 2000)
    private String topics;

    @FullTextField(analyzer = DanishAnalysis.DANISH)
    @Column(nullable = false, length = 300)
    private String authorityName;

    /** The published action page's text, element by element, one a paragraph. */
    @FullTextField(analyzer = DanishAnalysis.DANISH, projectable = Projectable.YES)
    @Column(nullable = false, length = 60000)
    private String pageText;

    @GenericField(projectable = Projectable.YES)
    @Column(nullable = false)
    private boolean municipal;

    /** Starts in the last 30 days: decides a tie. */
    @GenericField(sortable = Sortable.YES)
    @Column(nullable = false)
    private long starts;

    @Column(nullable = false)
    private Instant indexedAt;

    protected SearchDocument() {
    }

    SearchDocument(UUID selfServiceId) {
        this.selfServiceId = selfServiceId;
    }

    /** Sets the document's text; {@code pageText} and the lists are joined by the caller. */
    void update(SearchDocumentContent content, Instant at) {
        this.slug = content.slug();
        this.title = content.title();
        this.shortDescription = content.shortDescription();
        this.keywords = String.join("\n", content.keywords());
        this.topics = String.join("\n", content.topics());
        this.authorityName = content.authorityName() == null ? "" : content.authorityName();
        this.pageText = content.pageText();
        this.municipal = content.municipal();
        this.indexedAt = at;
    }

    /** Whether the document already says what {@code content} says. */
    boolean sameAs(SearchDocumentContent content) {
        return content.slug().equals(slug) && content.title().equals(title)
                && content.shortDescription().equals(shortDescription)
                && String.join("\n", content.keywords()).equals(keywords)
                && String.join("\n", content.topics()).equals(topics)
                && (content.authorityName() == null ? "" : content.authorityName()).equals(authorityName)
                && content.pageText().equals(pageText) && content.municipal() == municipal;
    }

    void starts(long starts) {
        this.starts = starts;
    }

    @KeywordField(name = TOPIC, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "topics")),
            reindexOnUpdate = ReindexOnUpdate.DEFAULT)
    public List<String> getTopicList() {
        return topics == null || topics.isEmpty() ? List.of() : Arrays.asList(topics.split("\n"));
    }

    UUID selfServiceId() {
        return selfServiceId;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String keywords() {
        return keywords;
    }

    long starts() {
        return starts;
    }
}
