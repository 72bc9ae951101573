package dk.selvbetjening.shared.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allowances per client that every node shares (ADR 0034): at most {@code allowed} uses of one {@code kind} (the login
 * throttle, the public submissions, …) per client in a window that starts at the client's first use, counted in table
 * {@code client_allowance} (migration V75). Each use is one short transaction of its own (insert the row if absent,
 * lock it, update it), so parallel uses on several nodes are all counted and none slips past. Rows of windows that are
 * over are deleted by {@link #deleteExpired()} on one node at a time.
 */
@Component
public class ClientAllowances {

    /** The longest client key kept; a longer one (it never is: an address) is cut. */
    private static final int MAX_CLIENT = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClientAllowances(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * The outcome of one use: allowed, or refused with how long to wait; {@code firstRefusal} is true for the first
     * refusal in a window (to be logged once).
     */
    public record Use(Optional<Duration> retryAfter, boolean firstRefusal) {

        public boolean allowed() {
            return retryAfter.isEmpty();
        }
    }

    /** Takes one use of {@code kind} for {@code client}; refused (with how long to wait) when none is left. */
    public Use take(String kind, String client, int allowed, Duration window) {
        String key = key(client);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            jdbc.sql("""
                    INSERT INTO client_allowance (kind, client, window_start, window_end, used, refused)
                    VALUES (:kind, :client, :now, :end, 0, FALSE) ON CONFLICT DO NOTHING""")
                    .param("kind", kind).param("client", key).param("now", Timestamp.from(now))
                    .param("end", Timestamp.from(now.plus(window))).update();
            Row row = lock(kind, key);
            long used = row.used();
            boolean refused = row.refused();
            Instant start = row.start();
            if (!now.isBefore(row.end()) || used == 0) {
                start = now;
                used = 0;
                refused = false;
            }
            Instant end = start.plus(window);
            Use use;
            if (used < allowed) {
                used++;
                use = new Use(Optional.empty(), false);
            } else {
                use = new Use(Optional.of(remaining(end, now)), !refused);
                refused = true;
            }
            jdbc.sql("""
                    UPDATE client_allowance SET window_start = :start, window_end = :end, used = :used,
                    refused = :refused WHERE kind = :kind AND client = :client""")
                    .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("used", used)
                    .param("refused", refused).param("kind", kind).param("client", key).update();
            return use;
        });
    }

    /** Gives back one use of {@code kind} (e.g. of a login that succeeded). */
    public void giveBack(String kind, String client) {
        transactions.executeWithoutResult(status -> jdbc.sql(
                "UPDATE client_allowance SET used = used - 1 WHERE kind = :kind AND client = :client AND used > 0")
                .param("kind", kind).param("client", key(client)).update());
    }

    /** How long {@code client} must wait before its next use of {@code kind}, if it is held back now. */
    public Optional<Duration> retryAfter(String kind, String client, int allowed) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT window_start, window_end, used, refused FROM client_allowance
                WHERE kind = :kind AND client = :client""")
                .param("kind", kind).param("client", key(client)).query(ClientAllowances::row).optional()
                .filter(row -> now.isBefore(row.end()) && row.used() >= allowed)
                .map(row -> remaining(row.end(), now));
    }

    /** Deletes the rows of windows that are over, on one node at a time. */
    @Scheduled(fixedDelayString = "${selvbetjening.shared.client-allowance-cleanup-interval:PT10M}",
            initialDelayString = "${selvbetjening.shared.client-allowance-cleanup-interval:PT10M}")
    @SchedulerLock(name = "shared.client-allowance-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    public void deleteExpired() {
        // void: ShedLock's method proxy refuses to run a locked method that returns a primitive
        transactions.executeWithoutResult(status -> jdbc.sql("DELETE FROM client_allowance WHERE window_end < :now")
                .param("now", Timestamp.from(clock.instant())).update());
    }

    private Row lock(String kind, String client) {
        return jdbc.sql("""
                SELECT window_start, window_end, used, refused FROM client_allowance
                WHERE kind = :kind AND client = :client FOR UPDATE""")
                .param("kind", kind).param("client", client).query(ClientAllowances::row).single();
    }

    private static Row row(java.sql.ResultSet rs, int rowNumber) throws java.sql.SQLException {
        return new Row(rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant(),
                rs.getLong("used"), rs.getBoolean("refused"));
    }

    private static String key(String client) {
        String value = client == null ? "" : client;
        return value.length() > MAX_CLIENT ? value.substring(0, MAX_CLIENT) : value;
    }

    /** At least a second: what Retry-After can say. */
    private static Duration remaining(Instant end, Instant now) {
        return Duration.ofMillis(Math.max(1000, Duration.between(now, end).toMillis()));
    }

    private record Row(Instant start, Instant end, long used, boolean refused) {
    }
}
