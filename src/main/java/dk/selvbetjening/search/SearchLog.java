package dk.selvbetjening.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what citizens search for without anything about who searched: the normalised query, how many results it
 * gave, which result was opened, when. Searches are buffered in memory and written every few seconds, so counting
 * costs a search nothing; a counted search is deleted after 90 days. Each node writes its own buffer (no job lock:
 * a lock would hold one node's searches back); the daily clean-up runs on one node (ADR 0018).
 */
@Component
class SearchLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final SearchProperties properties;
    private static final int BATCH = 500;
    private final ConcurrentLinkedQueue<Entry> searches = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Opened> opened = new ConcurrentLinkedQueue<>();

    SearchLog(JdbcClient jdbc, JdbcTemplate batches, Clock clock, SearchProperties properties) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.properties = properties;
    }

    record Entry(UUID id, String query, int results, Instant at) {
    }

    record Opened(UUID id, String slug) {
    }

    /** Counts a search; returns its id. Empty queries are not counted. */
    UUID searched(String normalised, long results) {
        UUID id = UUID.randomUUID();
        if (!normalised.isEmpty()) {
            searches.add(new Entry(id, normalised, (int) Math.min(Integer.MAX_VALUE, results), clock.instant()));
        }
        return id;
    }

    /** Counts that the search's result {@code slug} was opened (the first opened result counts). */
    void opened(UUID searchId, String slug) {
        opened.add(new Opened(searchId, slug));
    }

    @Scheduled(fixedDelayString = "${selvbetjening.search.log-flush-interval:PT5S}")
    @Transactional
    public void flush() {
        List<Entry> batch = new ArrayList<>();
        for (Entry entry; (entry = searches.poll()) != null; ) {
            batch.add(entry);
        }
        // in batches: a busy node counts thousands of searches between two flushes
        batches.batchUpdate("INSERT INTO search_query (id, query, result_count, searched_at) VALUES (?, ?, ?, ?)", batch,
                BATCH, (statement, entry) -> {
                    statement.setObject(1, entry.id());
                    statement.setString(2, entry.query());
                    statement.setInt(3, entry.results());
                    statement.setTimestamp(4, java.sql.Timestamp.from(entry.at()));
                });
        for (Opened open; (open = opened.poll()) != null; ) {
            jdbc.sql("UPDATE search_query SET opened_slug = :slug WHERE id = :id AND opened_slug IS NULL")
                    .param("slug", open.slug()).param("id", open.id()).update();
        }
    }

    /** Deletes what is older than the retention (90 days). */
    @Scheduled(cron = "${selvbetjening.search.log-cleanup-cron:0 17 3 * * *}")
    @SchedulerLock(name = "search.log-cleanup", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    @Transactional
    public void deleteOld() {
        // void: ShedLock's method proxy refuses to run a locked method that returns a primitive
        jdbc.sql("DELETE FROM search_query WHERE searched_at < :before")
                .param("before", java.sql.Timestamp.from(clock.instant().minus(properties.logRetention()))).update();
    }
}
