package dk.selvbetjening.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.changes.ChangedOnAnotherNode;

/**
 * The Lucene index's life: at start-up the search documents are brought up to date and the index is rebuilt from
 * them when it is missing, empty while documents exist, or written by another mapping ({@link #MAPPING_VERSION},
 * kept in {@code mapping.properties} beside the index); editors can rebuild it at any time. A rebuild reads the
 * table with Hibernate Search's mass indexer; searches go on meanwhile against the index being rebuilt.
 * <p>
 * Each node has an index of its own (ADR 0019): when another node changed search documents, this one indexes them
 * again from the table ({@link #reindex}); when it cannot know which, it indexes every row again and drops what the
 * table no longer holds ({@link #reindexAll}).
 */
@Component
public class SearchIndex {

    /** Raise with every change of {@link SearchDocument}'s mapping or of {@link DanishAnalysis}. */
    static final int MAPPING_VERSION = 2;
    private static final String MARKER = "mapping.properties";
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int BATCH = 100;

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

    /** After the cheap invalidations of the other listeners (they are ordered first): this one reads and indexes. */
    @EventListener
    @Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    void on(ChangedOnAnotherNode change) {
        boolean content = change.concerns(SearchDocuments.KIND);
        boolean startsOnly = change.concerns(SearchDocuments.STARTS_KIND);
        if (!content && !startsOnly) {
            return;
        }
        if (content && change.allOf(SearchDocuments.KIND)
                || startsOnly && change.allOf(SearchDocuments.STARTS_KIND)) {
            reindexAll();
        } else {
            Set<UUID> ids = new TreeSet<>();
            change.ids(SearchDocuments.KIND).forEach(id -> ids.add(UUID.fromString(id)));
            change.ids(SearchDocuments.STARTS_KIND).forEach(id -> ids.add(UUID.fromString(id)));
            reindex(ids);
        }
        // start counts that left the order by starts as it was (STARTS_KIND alone) change no result
        if (content) {
            documents.changed();
        }
    }

    /** Indexes the documents again as the table has them now: each written, or dropped when gone. */
    void reindex(Collection<UUID> selfServiceIds) {
        List<UUID> ids = new ArrayList<>(selfServiceIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
                entityManager.getTransaction().begin();
                SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
                for (UUID id : batch) {
                    SearchDocument document = entityManager.find(SearchDocument.class, id);
                    if (document != null) {
                        plan.addOrUpdate(document);
                    } else {
                        plan.purge(SearchDocument.class, id, null);
                    }
                }
                // read-sync: searchable when the commit returns
                entityManager.getTransaction().commit();
            }
        }
    }

    /** Indexes every document again and drops from the index what the table no longer holds. */
    void reindexAll() {
        Set<UUID> ids = new TreeSet<>();
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            ids.addAll(entityManager.createQuery("SELECT d.selfServiceId FROM SearchDocument d", UUID.class)
                    .getResultList());
            ids.addAll(Search.session(entityManager).search(SearchDocument.class).select(f -> f.id(UUID.class))
                    .where(f -> f.matchAll()).fetchAllHits());
        }
        long started = System.nanoTime();
        reindex(ids);
        log.info("Search index brought up to date with the table: {} documents in {} ms", ids.size(),
                (System.nanoTime() - started) / 1_000_000);
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
        documents.changed();
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
