package dk.selvbetjening.municipallink;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dk.selvbetjening.municipallink.MunicipalLinkRows.UrlWrite;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * The import's writes on PostgreSQL: every URL to write streamed with {@code COPY} into a temporary staging table
 * (dropped at commit), then one {@code UPDATE … FROM} for the changed links, with the same version check as a single
 * edit, and one {@code INSERT … SELECT} for the new ones, all in the caller's transaction and on its connection.
 * The per-row work that is left is PostgreSQL's own (unique constraint, foreign keys, checks).
 */
final class MunicipalLinkCopy {

    static final String STAGING = "municipal_link_import";
    private static final int CHUNK_BYTES = 64 * 1024;

    private final JdbcTemplate template;

    MunicipalLinkCopy(JdbcTemplate template) {
        this.template = template;
    }

    /** The PostgreSQL connection behind {@code connection}, when it is one. */
    static Optional<PGConnection> postgres(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class)
                ? Optional.of(connection.unwrap(PGConnection.class)) : Optional.empty();
    }

    /**
     * Writes {@code inserts} (new links, {@code existing} null) and {@code updates} (over {@code existing}, at its
     * version). Fails with an optimistic locking failure when a link changed since it was read, and with a unique
     * constraint violation when a new link was added meanwhile; the caller's transaction then rolls back.
     */
    void write(PGConnection connection, List<UrlWrite> inserts, List<UrlWrite> updates, OffsetDateTime at)
            throws SQLException {
        template.execute("DROP TABLE IF EXISTS pg_temp." + STAGING + "; CREATE TEMPORARY TABLE " + STAGING
                + " (id UUID, version BIGINT, self_service_id UUID NOT NULL, municipality_code INTEGER NOT NULL, "
                + "url VARCHAR(2000) NOT NULL, normalized_url VARCHAR(2000) NOT NULL) ON COMMIT DROP");
        // not analysed: unanalysed, the planner sizes a table by its pages, which is all the two statements need
        copy(connection, inserts, updates);
        if (!updates.isEmpty()) {
            int updated = template.update("UPDATE municipal_link l SET url = s.url, normalized_url = s.normalized_url, updated_at = ?, broken = FALSE, "
                    + "last_checked_at = NULL, version = l.version + 1 FROM " + STAGING + " s "
                    + "WHERE s.version IS NOT NULL AND l.id = s.id AND l.version = s.version", at);
            if (updated != updates.size()) {
                Object id = template.queryForList("SELECT s.id FROM " + STAGING + " s WHERE s.version IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM municipal_link l WHERE l.id = s.id AND l.version = s.version + 1 "
                        + "AND l.updated_at = ?) LIMIT 1", Object.class, at).stream().findFirst().orElse("?");
                throw new ObjectOptimisticLockingFailureException(MunicipalLink.class, id);
            }
        }
        if (!inserts.isEmpty()) {
            int inserted = template.update("INSERT INTO municipal_link (id, self_service_id, municipality_code, url, "
                    + "normalized_url, title, updated_at, version, broken, last_checked_at) SELECT gen_random_uuid(), "
                    + "self_service_id, municipality_code, url, normalized_url, NULL, ?, 0, FALSE, NULL FROM " + STAGING
                    + " WHERE version IS NULL", at);
            if (inserted != inserts.size()) {
                throw new IllegalStateException("Inserted " + inserted + " of " + inserts.size() + " links");
            }
        }
    }

    /**
     * The rows as CSV: id and version (both empty, i.e. NULL, for a new link), self-service, municipality, quoted URL
     * and quoted normalized URL.
     */
    private static void copy(PGConnection connection, List<UrlWrite> inserts, List<UrlWrite> updates)
            throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn("COPY " + STAGING
                + " (id, version, self_service_id, municipality_code, url, normalized_url) FROM STDIN (FORMAT csv)");
        try {
            StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 4096);
            for (List<UrlWrite> writes : List.of(inserts, updates)) {
                for (UrlWrite w : writes) {
                    // a new link has neither id (PostgreSQL gives it one) nor version
                    if (w.existing() != null) {
                        chunk.append(w.existing().id()).append(',').append(w.existing().version());
                    } else {
                        chunk.append(',');
                    }
                    chunk.append(',').append(w.selfServiceId()).append(',').append(w.municipalityCode()).append(",\"")
                            .append(w.url().replace("\"", "\"\"")).append("\",\"")
                            .append(w.normalizedUrl().replace("\"", "\"\"")).append("\"\n");
                    if (chunk.length() >= CHUNK_BYTES) {
                        send(copy, chunk);
                    }
                }
            }
            send(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
        if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }
}
