package dk.selvbetjening.municipallink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dk.selvbetjening.catalogue.ServiceUrl;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The municipal_link table read and written in bulk with plain JDBC: whole-table reads as small records (no
 * entities to hydrate) and the import's writes (COPY and set-based statements on PostgreSQL, batches elsewhere). The same rules as {@link MunicipalLink}
 * apply: a written URL is unchecked and stored with its normalized form, and an update only lands on the version it
 * was read at.
 */
@Component
class MunicipalLinkRows {

    static final int BATCH_SIZE = 1000;
    static final int ROWS_PER_INSERT = 100;
    private static final String COLUMNS =
            "id, self_service_id, municipality_code, url, title, broken, last_checked_at, updated_at, version";

    private static final int FETCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final MunicipalLinkCopy copy;

    MunicipalLinkRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.copy = new MunicipalLinkCopy(template);
    }

    /** One stored link. */
    record Row(UUID id, UUID selfServiceId, int municipalityCode, String url, String title, boolean broken,
            Instant lastCheckedAt, Instant updatedAt, long version) {

        MunicipalLinkSummary toSummary() {
            return new MunicipalLinkSummary(selfServiceId, municipalityCode, url, title, broken, lastCheckedAt);
        }

        LinkStatus status() {
            return LinkStatus.of(url, broken);
        }
    }

    /**
     * A URL to write: over {@code existing} (at its version), or as a new link when {@code existing} is null. The
     * URL is stored with its normalized form ({@link #normalizedUrl}), as {@link MunicipalLink} stores it.
     */
    record UrlWrite(Row existing, UUID selfServiceId, int municipalityCode, String url) {

        String normalizedUrl() {
            return ServiceUrl.normalize(url);
        }
    }

    List<Row> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM municipal_link").query(MunicipalLinkRows::row).list();
    }

    /**
     * Every link as its summary, handed over one at a time as read: in the caller's transaction PostgreSQL sends them
     * {@value #FETCH} rows at a time, so 200,000 links never sit in memory twice (rows and summaries).
     */
    void forEachSummary(Consumer<MunicipalLinkSummary> each) {
        template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT self_service_id, municipality_code, url, "
                    + "title, broken, last_checked_at FROM municipal_link");
            statement.setFetchSize(FETCH);
            return statement;
        }, (RowCallbackHandler) rs -> each.accept(new MunicipalLinkSummary(rs.getObject(1, UUID.class), rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getBoolean(5), instant(rs.getObject(6, OffsetDateTime.class)))));
    }

    List<Row> byMunicipality(int municipalityCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM municipal_link WHERE municipality_code = :code")
                .param("code", municipalityCode).query(MunicipalLinkRows::row).list();
    }

    List<Row> byService(UUID selfServiceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM municipal_link WHERE self_service_id = :id ORDER BY municipality_code")
                .param("id", selfServiceId).query(MunicipalLinkRows::row).list();
    }

    /** The links of these self-services (one query; the caller keeps the list short, e.g. a hundred). */
    List<Row> byServices(Collection<UUID> selfServiceIds) {
        if (selfServiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM municipal_link WHERE self_service_id IN (:ids)")
                .param("ids", List.copyOf(selfServiceIds)).query(MunicipalLinkRows::row).list();
    }

    List<Row> withUrl(String url) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM municipal_link WHERE url = :url")
                .param("url", url).query(MunicipalLinkRows::row).list();
    }

    /**
     * Records the link checker's verdict on every link with exactly this URL that has no later verdict; returns how
     * many links that is.
     */
    int markChecked(String url, boolean broken, Instant checkedAt) {
        return jdbc.sql("UPDATE municipal_link SET broken = :broken, last_checked_at = :at WHERE url = :url "
                        + "AND (last_checked_at IS NULL OR last_checked_at <= :at)")
                .param("broken", broken).param("at", utc(checkedAt)).param("url", url).update();
    }

    /**
     * Writes the URLs in the caller's transaction: on PostgreSQL through {@code COPY} into a staging table and two
     * set-based statements ({@link MunicipalLinkCopy}), elsewhere (H2) in JDBC batches of {@value #BATCH_SIZE} rows.
     * Fails with an optimistic locking failure (and the caller's transaction rolls back) when a link changed since it
     * was read.
     */
    void write(List<UrlWrite> writes, Instant now) {
        OffsetDateTime at = utc(now);
        List<UrlWrite> inserts = writes.stream().filter(w -> w.existing() == null).toList();
        List<UrlWrite> updates = writes.stream().filter(w -> w.existing() != null).toList();
        DataSource dataSource = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Optional<PGConnection> postgres = MunicipalLinkCopy.postgres(connection);
            if (postgres.isPresent()) {
                copy.write(postgres.get(), inserts, updates, at);
                return;
            }
        } catch (SQLException e) {
            DataAccessException translated = template.getExceptionTranslator().translate("COPY of municipal links", null, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY of municipal links", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        insert(inserts, at);
        update(updates, at);
    }

    /** Whether {@link #write} takes the PostgreSQL path on this database. */
    boolean copies() {
        return Boolean.TRUE.equals(template.execute((Connection c) -> MunicipalLinkCopy.postgres(c).isPresent()));
    }

    private void update(List<UrlWrite> updates, OffsetDateTime at) {
        int[][] counts = template.batchUpdate("UPDATE municipal_link SET url = ?, normalized_url = ?, updated_at = ?, "
                        + "broken = FALSE, last_checked_at = NULL, version = version + 1 WHERE id = ? AND version = ?",
                updates, BATCH_SIZE, (PreparedStatement ps, UrlWrite w) -> {
                    ps.setString(1, w.url());
                    ps.setString(2, w.normalizedUrl());
                    ps.setObject(3, at);
                    ps.setObject(4, w.existing().id());
                    ps.setLong(5, w.existing().version());
                });
        int index = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    throw new ObjectOptimisticLockingFailureException(MunicipalLink.class, updates.get(index).existing().id());
                }
                if (count != Statement.SUCCESS_NO_INFO && count != 1) {
                    throw new IllegalStateException("Updated " + count + " rows for one link");
                }
                index++;
            }
        }
    }

    /**
     * New links as multi-row INSERTs of {@value #ROWS_PER_INSERT} rows each (one statement per 100 rows instead of
     * one per row: the same as PostgreSQL's reWriteBatchedInserts, and portable to H2), batched.
     */
    private void insert(List<UrlWrite> inserts, OffsetDateTime at) {
        int full = inserts.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        List<List<UrlWrite>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < full; from += ROWS_PER_INSERT) {
            chunks.add(inserts.subList(from, from + ROWS_PER_INSERT));
        }
        if (!chunks.isEmpty()) {
            template.batchUpdate(insertSql(ROWS_PER_INSERT), chunks, BATCH_SIZE / ROWS_PER_INSERT,
                    (PreparedStatement ps, List<UrlWrite> chunk) -> bind(ps, chunk, at));
        }
        List<UrlWrite> rest = inserts.subList(full, inserts.size());
        if (!rest.isEmpty()) {
            template.update(insertSql(rest.size()), ps -> bind(ps, rest, at));
        }
    }

    private static String insertSql(int rows) {
        return "INSERT INTO municipal_link (id, self_service_id, municipality_code, url, normalized_url, title, "
                + "updated_at, version, broken, last_checked_at) VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, NULL, ?, 0, FALSE, NULL)"));
    }

    private static void bind(PreparedStatement ps, List<UrlWrite> chunk, OffsetDateTime at) throws SQLException {
        int i = 1;
        for (UrlWrite w : chunk) {
            ps.setObject(i++, UUID.randomUUID());
            ps.setObject(i++, w.selfServiceId());
            ps.setInt(i++, w.municipalityCode());
            ps.setString(i++, w.url());
            ps.setString(i++, w.normalizedUrl());
            ps.setObject(i++, at);
        }
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("self_service_id", UUID.class),
                rs.getInt("municipality_code"), rs.getString("url"), rs.getString("title"), rs.getBoolean("broken"),
                instant(rs.getObject("last_checked_at", OffsetDateTime.class)),
                instant(rs.getObject("updated_at", OffsetDateTime.class)), rs.getLong("version"));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
