package dk.selvbetjening.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dk.selvbetjening.shared.SystemPrincipal;

/**
 * The Lucene index's life: at start-up the search documents are brought up to date and the index is rebuilt from
 * them when it is missing, empty while documents exist, or written by another mapping ({@link #MAPPING_VERSION},
 * kept in {@code mapping.properties} beside the index); editors can rebuild it at any time. A rebuild reads the
 * table with Hibernate Search's mass indexer; searches go on meanwhile against the index being rebuilt.
 */
@Component
public class SearchIndex {

    /** Raise with every change of {@link SearchDocument}'s mapping or of {@link DanishAnalysis}. */
    static final int MAPPING_VERSION = 2;
    private static final String MARKER = "mapping.properties";
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final EntityManagerFactory entityManagerFactory;
    private final SearchDocuments documents;
    private final SearchProperties properties;
    private final Clock clock;
    private volatile Instant lastRebuildAt;
    private volatile long lastRebuildMillis;

    SearchIndex(EntityManagerFactory entityManagerFactory, SearchDocuments documents, SearchProperties properties,
            Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void atStartup() {
        SystemPrincipal.run(() -> {
            Integer found = markedVersion();
            if (properties.syncAtStartup()) {
                documents.syncAll();
            }
            long inTable = documents.count();
            long inIndex = indexedDocuments();
            if (found == null || found != MAPPING_VERSION || inIndex != inTable) {
                log.info("Search index rebuilt at start-up: mapping version {} (found {}), {} documents (index had {})",
                        MAPPING_VERSION, found, inTable, inIndex);
                rebuild();
            } else {
                lastRebuildAt = markedRebuildAt();
            }
        });
    }

    /** Rebuilds the whole index from the search documents and waits until it is done. */
    public synchronized SearchIndexStatus rebuild() {
        long started = System.nanoTime();
        try {
            mapping().scope(SearchDocument.class).massIndexer().threadsToLoadObjects(1)
                    // one segment: a search looks up each of its terms once per segment
                    .mergeSegmentsOnFinish(true).startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Search index rebuild interrupted", e);
        }
        lastRebuildMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Search index rebuilt in {} ms", lastRebuildMillis);
        lastRebuildAt = clock.instant();
        mark(lastRebuildAt);
        return status();
    }

    public SearchIndexStatus status() {
        return new SearchIndexStatus(indexedDocuments(), documents.count(), indexManager().computeSizeInBytes(),
                lastRebuildAt, lastRebuildMillis, MAPPING_VERSION,
                properties.indexDirectory().isBlank() ? null : properties.indexDirectory());
    }

    /** How many documents the index holds now. */
    public long indexedDocuments() {
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            return Search.session(entityManager).search(SearchDocument.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
        }
    }

    private SearchMapping mapping() {
        return Search.mapping(entityManagerFactory);
    }

    private LuceneIndexManager indexManager() {
        return mapping().indexedEntity(SearchDocument.class).indexManager().unwrap(LuceneIndexManager.class);
    }

    private Path marker() {
        return properties.indexDirectory().isBlank() ? null : Path.of(properties.indexDirectory(), MARKER);
    }

    private Integer markedVersion() {
        Properties marked = readMarker();
        String version = marked == null ? null : marked.getProperty("mapping-version");
        try {
            return version == null ? null : Integer.valueOf(version);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Instant markedRebuildAt() {
        Properties marked = readMarker();
        String at = marked == null ? null : marked.getProperty("rebuilt-at");
        return at == null ? null : Instant.parse(at);
    }

    private Properties readMarker() {
        Path marker = marker();
        if (marker == null || !Files.isRegularFile(marker)) {
            return null;
        }
        Properties marked = new Properties();
        try (var reader = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            marked.load(reader);
            return marked;
        } catch (IOException | RuntimeException e) {
            log.warn("Search index marker {} unreadable: the index is rebuilt", marker);
            return null;
        }
    }

    private void mark(Instant at) {
        Path marker = marker();
        if (marker == null) {
            return;
        }
        Properties marked = new Properties();
        marked.setProperty("mapping-version", Integer.toString(MAPPING_VERSION));
        marked.setProperty("rebuilt-at", at.toString());
        try {
            Files.createDirectories(marker.getParent());
            try (var writer = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
                marked.store(writer, "Search index mapping (written after each rebuild)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
