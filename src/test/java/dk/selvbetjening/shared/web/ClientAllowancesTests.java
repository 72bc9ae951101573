package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import dk.selvbetjening.shared.MutableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The allowances every node shares (ADR 0034), on a freshly migrated database: H2 here, PostgreSQL in
 * {@link ClientAllowancesPostgresTests}. Two instances on one database stand for two nodes.
 */
class ClientAllowancesTests {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    MutableClock clock;
    DataSource database;
    ClientAllowances nodeA;
    ClientAllowances nodeB;

    /** A new, empty database of the kind under test. */
    DataSource newDatabase() throws Exception {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:allowances-" + java.util.UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        h2.setUser("sa");
        return h2;
    }

    @BeforeEach
    void migrate() throws Exception {
        database = newDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        nodeA = node();
        nodeB = node();
    }

    private ClientAllowances node() {
        return new ClientAllowances(JdbcClient.create(database), new DataSourceTransactionManager(database), clock);
    }

    @Test
    void allowsTheAllowanceThenRefusesUntilTheWindowIsOver() {
        for (int i = 0; i < 3; i++) {
            assertThat(nodeA.take("login", "192.0.2.1", 3, WINDOW).allowed()).isTrue();
        }
        clock.advance(Duration.ofMinutes(5));
        ClientAllowances.Use refused = nodeA.take("login", "192.0.2.1", 3, WINDOW);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.firstRefusal()).isTrue();
        assertThat(refused.retryAfter()).hasValue(Duration.ofMinutes(10));
        assertThat(nodeA.take("login", "192.0.2.1", 3, WINDOW).firstRefusal()).as("said once").isFalse();
        assertThat(nodeA.retryAfter("login", "192.0.2.1", 3)).hasValue(Duration.ofMinutes(10));
        assertThat(nodeA.take("login", "192.0.2.2", 3, WINDOW).allowed()).as("another client").isTrue();
        assertThat(nodeA.take("submission", "192.0.2.1", 3, WINDOW).allowed()).as("another kind").isTrue();

        clock.advance(Duration.ofMinutes(10));
        assertThat(nodeA.retryAfter("login", "192.0.2.1", 3)).isEmpty();
        assertThat(nodeA.take("login", "192.0.2.1", 3, WINDOW).allowed()).isTrue();
    }

    @Test
    void whatOneNodeCountsHoldsOnTheOther() {
        assertThat(nodeA.take("login", "198.51.100.7", 2, WINDOW).allowed()).isTrue();
        assertThat(nodeB.take("login", "198.51.100.7", 2, WINDOW).allowed()).isTrue();
        assertThat(nodeA.take("login", "198.51.100.7", 2, WINDOW).allowed()).isFalse();
        assertThat(nodeB.take("login", "198.51.100.7", 2, WINDOW).allowed()).isFalse();
        assertThat(nodeB.retryAfter("login", "198.51.100.7", 2)).isPresent();
    }

    @Test
    void aUseGivenBackCanBeTakenAgain() {
        assertThat(nodeA.take("login", "192.0.2.3", 1, WINDOW).allowed()).isTrue();
        nodeB.giveBack("login", "192.0.2.3");
        assertThat(nodeA.take("login", "192.0.2.3", 1, WINDOW).allowed()).isTrue();
        assertThat(nodeA.take("login", "192.0.2.3", 1, WINDOW).allowed()).isFalse();
        nodeA.giveBack("login", "192.0.2.4");
        assertThat(nodeA.take("login", "192.0.2.4", 1, WINDOW).allowed()).as("nothing to give back").isTrue();
        assertThat(nodeA.take("login", "192.0.2.4", 1, WINDOW).allowed()).isFalse();
    }

    @Test
    void parallelUsesOnBothNodesAreAllCountedAndNoneSlipsPast() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> uses = IntStream.range(0, 40).mapToObj(i -> threads.submit(
                    () -> (i % 2 == 0 ? nodeA : nodeB).take("login", "203.0.113.9", 10, WINDOW).allowed())).toList();
            long allowed = 0;
            for (Future<Boolean> use : uses) {
                allowed += use.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
        assertThat(JdbcClient.create(database).sql("SELECT used FROM client_allowance WHERE client = '203.0.113.9'")
                .query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    void theJobDeletesOnlyWindowsThatAreOver() {
        nodeA.take("login", "192.0.2.10", 5, WINDOW);
        clock.advance(Duration.ofMinutes(10));
        nodeA.take("login", "192.0.2.11", 5, WINDOW);
        clock.advance(Duration.ofMinutes(6));

        nodeB.deleteExpired();
        assertThat(JdbcClient.create(database).sql("SELECT client FROM client_allowance").query(String.class).list())
                .containsExactly("192.0.2.11");
    }
}
