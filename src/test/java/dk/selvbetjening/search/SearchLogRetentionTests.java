package dk.selvbetjening.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The nightly job, called as the scheduler calls it (through its lock), keeps searches for 90 days and no longer. */
@SpringBootTest
class SearchLogRetentionTests {

    @Autowired
    SearchLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void deletesSearchesOlderThanTheRetentionOnly() {
        String old = "gammel " + UUID.randomUUID();
        String recent = "ny " + UUID.randomUUID();
        insert(old, Duration.ofDays(91));
        insert(recent, Duration.ofDays(89));

        log.deleteOld();

        assertThat(jdbc.sql("SELECT query FROM search_query WHERE query IN (:old, :recent)").param("old", old)
                .param("recent", recent).query(String.class).list()).containsExactly(recent);
    }

    private void insert(String query, Duration ago) {
        jdbc.sql("INSERT INTO search_query (id, query, result_count, searched_at) VALUES (?, ?, 0, ?)")
                .params(UUID.randomUUID(), query, Timestamp.from(clock.instant().minus(ago))).update();
    }
}
