package dk.selvbetjening.shared.changes;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the other nodes what went stale (ADR 0019). A module that holds per-node state announces, in the transaction
 * that makes it stale, the kind of thing that changed and its id; just before that transaction commits, this node bumps
 * the database's change generation (table {@code change_generation}) and sends one {@code NOTIFY} on channel
 * {@value #CHANNEL} naming the new generation, this node and everything announced. PostgreSQL delivers it to the other
 * nodes only if and when the transaction commits; {@link ChangeReceiver} turns it into a {@link ChangedOnAnotherNode}
 * there. The change and its signal commit together or not at all.
 * <p>
 * Active on PostgreSQL only (and unless {@code selvbetjening.changes.enabled=false}); on the embedded H2 default, one
 * node, announcing does nothing.
 */
@Component
public class ChangeSignals {

    static final String CHANNEL = "selvbetjening_changes";
    /** PostgreSQL refuses a payload of 8000 bytes or more; above this, each kind is announced without its ids. */
    static final int MAX_PAYLOAD = 7000;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
    private final boolean active;
    private final String node = UUID.randomUUID().toString();

    ChangeSignals(DataSource dataSource, ChangeProperties properties,
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.entityManagerFactory = entityManagerFactory;
        this.active = properties.enabled() && isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Could not tell which database this is", e);
        }
    }

    /** Whether changes are signalled between nodes (PostgreSQL, enabled). */
    public boolean active() {
        return active;
    }

    /** This process's id in the signals it sends (its own are not dispatched to it again). */
    String node() {
        return node;
    }

    /**
     * Announces that the thing of {@code kind} with {@code id} changed. Sent when the current transaction commits (at
     * once when there is none); nothing is sent if it rolls back.
     *
     * @param kind lower-case letters, digits, dots and dashes, e.g. {@code search.document}
     * @param id the thing's id (letters, digits, {@code _.-}), e.g. a UUID
     */
    public void announce(String kind, Object id) {
        String text = String.valueOf(id);
        if (!ID.matcher(text).matches()) {
            throw new IllegalArgumentException("Not an id to announce: " + text);
        }
        add(kind, text);
    }

    /** Announces that any thing of {@code kind} may have changed. */
    public void announceAll(String kind) {
        add(kind, null);
    }

    private void add(String kind, String id) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind to announce: " + kind);
        }
        if (!active) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            pending().add(kind, id);
        } else {
            Pending now = new Pending();
            now.add(kind, id);
            send(now);
        }
    }

    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /**
     * Bumps the generation and notifies, in the current transaction if there is one. The generation's row is locked
     * until the commit, so generations commit (and are delivered) in order; the persistence context is flushed first,
     * so that lock is the last one the transaction takes and two transactions cannot deadlock on it.
     */
    private void send(Pending pending) {
        jdbc.query("WITH bumped AS (UPDATE change_generation SET generation = generation + 1 WHERE id = 1 "
                        + "RETURNING generation), "
                        + "kinds AS (INSERT INTO change_kind_generation (kind, generation, changed_at) "
                        + "SELECT kind, bumped.generation, date_trunc('second', clock_timestamp()) "
                        + "FROM bumped, unnest(string_to_array(?, ' ')) AS kind "
                        + "ON CONFLICT (kind) DO UPDATE SET generation = EXCLUDED.generation, changed_at = "
                        + "GREATEST(EXCLUDED.changed_at, change_kind_generation.changed_at + INTERVAL '1 second')) "
                        + "SELECT pg_notify(?, bumped.generation || ' ' || ?) FROM bumped",
                (RowCallbackHandler) row -> { }, String.join(" ", pending.kinds()), CHANNEL,
                node + " " + pending.payload());
    }

    /**
     * The newest committed change that announced {@code kind}: its generation and when it was (whole seconds, strictly
     * later than the kind's previous change), the same on every node ({@code change_kind_generation}, ADR 0031).
     * Generation 0 (at the epoch) before the first. Empty when changes are not signalled (H2, or disabled): nothing
     * is recorded then.
     */
    public Optional<KindVersion> version(String kind) {
        if (!active) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query("SELECT generation, changed_at FROM change_kind_generation WHERE kind = ?",
                rows -> rows.next() ? new KindVersion(rows.getLong(1), rows.getTimestamp(2).toInstant())
                        : new KindVersion(0, Instant.EPOCH), kind));
    }

    /** See {@link #version}. */
    public record KindVersion(long generation, Instant changedAt) {
    }

    /**
     * {@code kind:id,id kind …} ({@code all}'s kinds without ids); every kind without its ids when that would be
     * longer than {@value #MAX_PAYLOAD} characters.
     */
    static String payload(java.util.Map<String, Set<String>> ids, Set<String> all) {
        StringBuilder text = new StringBuilder();
        TreeSet<String> kinds = new TreeSet<>(all);
        kinds.addAll(ids.keySet());
        for (String kind : kinds) {
            text.append(text.isEmpty() ? "" : " ").append(kind);
            if (!all.contains(kind)) {
                text.append(':').append(String.join(",", new TreeSet<>(ids.get(kind))));
            }
        }
        return text.length() <= MAX_PAYLOAD ? text.toString() : String.join(" ", kinds);
    }

    /** What one transaction announced, sent just before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final TreeMap<String, Set<String>> ids = new TreeMap<>();
        private final Set<String> all = new TreeSet<>();

        ChangeSignals owner() {
            return ChangeSignals.this;
        }

        void add(String kind, String id) {
            if (id == null) {
                all.add(kind);
            } else {
                ids.computeIfAbsent(kind, k -> new TreeSet<>()).add(id);
            }
        }

        String payload() {
            return ChangeSignals.payload(ids, all);
        }

        Set<String> kinds() {
            Set<String> kinds = new TreeSet<>(all);
            kinds.addAll(ids.keySet());
            return kinds;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            EntityManagerFactory factory = entityManagerFactory.getIfAvailable();
            if (factory != null
                    && TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder holder
                    && holder.getEntityManager().isJoinedToTransaction()) {
                holder.getEntityManager().flush();
            }
            send(this);
        }
    }
}
