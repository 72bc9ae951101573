package dk.selvbetjening.linkcheck;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Watches many URLs at once with plain JDBC in the caller's transaction: the URLs not stored yet are inserted, and
 * the watcher rows added (and, for "only", removed) in JDBC batches, with a handful of lookups per
 * {@value #CHUNK} URLs or watchers instead of one transaction per link. Plain SQL that runs on H2 and PostgreSQL.
 *
 * <p>Watchers are rows of their own, so this and a check storing its verdict through {@link CheckedUrl} never
 * overwrite each other; two writers adding the same new URL meet at the unique URL, and the caller retries.
 */
@Component
class WatcherRows {

    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    WatcherRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each watcher in {@code wanted} (a key) watches its (normalized) URLs; with {@code only}, it stops watching any
     * other URL. URLs not stored yet are added, unchecked: those are returned.
     */
    List<String> watch(Map<String, Set<String>> wanted, boolean only, Instant now) {
        Set<String> allUrls = new HashSet<>();
        wanted.values().forEach(allUrls::addAll);
        Map<String, UUID> ids = idsOf(allUrls);
        List<Object[]> newUrls = new ArrayList<>();
        for (String url : allUrls) {
            ids.computeIfAbsent(url, u -> {
                UUID id = UUID.randomUUID();
                newUrls.add(new Object[] {id, u});
                return id;
            });
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        batch("INSERT INTO checked_url (id, url, created_at) VALUES (?, ?, ?)", newUrls, (ps, row) -> {
            ps.setObject(1, row[0]);
            ps.setString(2, (String) row[1]);
            ps.setObject(3, at);
        });

        Map<String, Set<UUID>> watching = watchedBy(wanted.keySet());
        List<Object[]> added = new ArrayList<>();
        List<Object[]> removed = new ArrayList<>();
        wanted.forEach((watcher, urls) -> {
            Set<UUID> before = watching.getOrDefault(watcher, Set.of());
            Set<UUID> after = new HashSet<>();
            for (String url : urls) {
                UUID id = ids.get(url);
                after.add(id);
                if (!before.contains(id)) {
                    added.add(new Object[] {id, watcher});
                }
            }
            if (only) {
                before.stream().filter(id -> !after.contains(id)).forEach(id -> removed.add(new Object[] {id, watcher}));
            }
        });
        RowBinder bind = (ps, row) -> {
            ps.setObject(1, row[0]);
            ps.setString(2, (String) row[1]);
        };
        batch("DELETE FROM checked_url_watcher WHERE checked_url_id = ? AND watcher = ?", removed, bind);
        batch("INSERT INTO checked_url_watcher (checked_url_id, watcher) VALUES (?, ?)", added, bind);
        return newUrls.stream().map(row -> (String) row[1]).toList();
    }

    /** The ids of those of {@code urls} that are stored. */
    private Map<String, UUID> idsOf(Set<String> urls) {
        Map<String, UUID> ids = new HashMap<>();
        inChunks(urls, "SELECT url, id FROM checked_url WHERE url IN (%s)",
                (url, id) -> ids.put((String) url, (UUID) id));
        return ids;
    }

    /** For each of {@code watchers}, the ids of the URLs it watches. */
    private Map<String, Set<UUID>> watchedBy(Set<String> watchers) {
        Map<String, Set<UUID>> watching = new HashMap<>();
        inChunks(watchers, "SELECT watcher, checked_url_id FROM checked_url_watcher WHERE watcher IN (%s)",
                (watcher, id) -> watching.computeIfAbsent((String) watcher, w -> new HashSet<>()).add((UUID) id));
        return watching;
    }

    /** Runs {@code sql} (two columns out, an IN list of {@code %s}) for {@value #CHUNK} values at a time. */
    private void inChunks(Set<String> values, String sql, BiConsumer<Object, Object> row) {
        List<String> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.query(sql.formatted(String.join(", ", Collections.nCopies(chunk.size(), "?"))),
                    (RowCallbackHandler) rs -> row.accept(rs.getObject(1), rs.getObject(2, UUID.class)),
                    chunk.toArray());
        }
    }

    private void batch(String sql, List<Object[]> rows, RowBinder bind) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, CHUNK, bind::accept);
        }
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    private interface RowBinder {
        void accept(PreparedStatement ps, Object[] row) throws SQLException;
    }
}
