package dk.selvbetjening.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dk.selvbetjening.shared.SystemPrincipal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts starts per (self-service, municipality, day) in memory and writes the sums to the database on a
 * schedule and at shutdown: a click never waits for the database. A failed write keeps the counts for the next
 * try; each write that counted something publishes {@link StartsFlushed} after it commits. Municipality
 * {@link #NATIONAL} stands for a national solution. Writing is the application's own work ({@link SystemPrincipal}).
 * Each start also counts in the metric {@code selvbetjening.starts} of this node, tagged {@code kind} national or
 * municipal only (a tag per self-service or municipality would give thousands of series).
 */
@Component
public class StartCounter {

    /** The municipality code a national solution's starts are counted under. */
    public static final int NATIONAL = 0;
    private static final Logger log = LoggerFactory.getLogger(StartCounter.class);

    private final ConcurrentHashMap<StartKey, LongAdder> buffer = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Counter nationalStarts;
    private final Counter municipalStarts;
    private volatile Day day;

    StartCounter(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.nationalStarts = starts(meters, "national");
        this.municipalStarts = starts(meters, "municipal");
    }

    private static Counter starts(MeterRegistry meters, String kind) {
        return Counter.builder("selvbetjening.starts").description("Starts pressed by citizens on this node")
                .tag("kind", kind).register(meters);
    }

    /** Counts one start; {@code municipalityCode} null for a national solution. */
    public void count(UUID selfServiceId, Integer municipalityCode) {
        StartKey key = new StartKey(selfServiceId, municipalityCode == null ? NATIONAL : municipalityCode, today());
        buffer.computeIfAbsent(key, k -> new LongAdder()).increment();
        (municipalityCode == null ? nationalStarts : municipalStarts).increment();
    }

    /** The clock's date, worked out once a day rather than on every start. */
    private LocalDate today() {
        long now = clock.millis();
        Day current = day;
        if (current == null || now < current.from() || now >= current.until()) {
            current = Day.of(clock);
            day = current;
        }
        return current.date();
    }

    /** A date of the clock's zone and the milliseconds it spans. */
    private record Day(LocalDate date, long from, long until) {

        static Day of(Clock clock) {
            LocalDate date = LocalDate.now(clock);
            return new Day(date, date.atStartOfDay(clock.getZone()).toInstant().toEpochMilli(),
                    date.plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli());
        }
    }

    /** Starts not yet written. */
    long pending() {
        return buffer.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Scheduled(fixedDelayString = "${selvbetjening.usage.start-flush-interval:PT1M}",
            initialDelayString = "${selvbetjening.usage.start-flush-interval:PT1M}")
    void scheduledFlush() {
        flush();
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }

    /** Writes the buffered counts, as the system principal; returns how many starts were written. */
    synchronized long flush() {
        return SystemPrincipal.call(this::write);
    }

    private long write() {
        Map<StartKey, Long> taken = new HashMap<>();
        buffer.forEach((key, adder) -> {
            long n = adder.sumThenReset();
            if (n > 0) {
                taken.put(key, n);
            }
        });
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        buffer.entrySet().removeIf(e -> e.getKey().date().isBefore(yesterday) && e.getValue().sum() == 0);
        if (taken.isEmpty()) {
            return 0;
        }
        long total = taken.values().stream().mapToLong(Long::longValue).sum();
        try {
            // published in the transaction, so that its listeners run after the commit; published after it, a
            // module listener (@ApplicationModuleListener) would never run and its publication would stay open
            transactions.executeWithoutResult(status -> {
                taken.forEach(this::add);
                events.publishEvent(new StartsFlushed(total));
            });
        } catch (RuntimeException e) {
            taken.forEach((key, n) -> buffer.computeIfAbsent(key, k -> new LongAdder()).add(n));
            log.warn("Could not write {} start counts; kept for the next try", taken.size(), e);
            return 0;
        }
        return total;
    }

    /** Starts of one self-service in one municipality (0: national) on one day, as written. */
    long written(UUID selfServiceId, int municipalityCode, LocalDate date) {
        return jdbc.sql("SELECT starts FROM start_count WHERE self_service_id = :id AND municipality_code = :code "
                        + "AND start_date = :date")
                .param("id", selfServiceId).param("code", municipalityCode).param("date", date)
                .query(Long.class).optional().orElse(0L);
    }

    /**
     * Adds {@code n} to the day's row, so the counts of every node add up. When the row does not exist yet, two nodes
     * may both try to create it: the insert yields to a row another node created meanwhile (it waits for that node's
     * commit), and the count is then added to that row instead.
     */
    private void add(StartKey key, long n) {
        if (increment(key, n) == 0 && insert(key, n) == 0 && increment(key, n) == 0) {
            throw new IllegalStateException("The start count row of " + key + " was neither found nor created");
        }
    }

    private int increment(StartKey key, long n) {
        return withKey(jdbc.sql("UPDATE start_count SET starts = starts + :n WHERE self_service_id = :id "
                + "AND municipality_code = :code AND start_date = :date"), key, n).update();
    }

    private int insert(StartKey key, long n) {
        return withKey(jdbc.sql("INSERT INTO start_count (self_service_id, municipality_code, start_date, starts) "
                + "VALUES (:id, :code, :date, :n) ON CONFLICT DO NOTHING"), key, n).update();
    }

    private static JdbcClient.StatementSpec withKey(JdbcClient.StatementSpec statement, StartKey key, long n) {
        return statement.param("n", n).param("id", key.selfServiceId()).param("code", key.municipalityCode())
                .param("date", key.date());
    }

    record StartKey(UUID selfServiceId, int municipalityCode, LocalDate date) {
    }
}
