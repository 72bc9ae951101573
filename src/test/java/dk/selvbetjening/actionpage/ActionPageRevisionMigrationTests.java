package dk.selvbetjening.actionpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V21 turns every live action page and every waiting draft into revisions, on H2 and on PostgreSQL: no text written
 * before revisions existed is lost.
 */
class ActionPageRevisionMigrationTests {

    static final UUID AUTHORITY = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID LIVE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID LIVE_WITH_DRAFT = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID ONLY_DRAFT = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

    @Test
    void keepsEveryPageAndDraftOnH2() {
        SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        try {
            migratesLegacyPages(h2);
        } finally {
            h2.destroy();
        }
    }

    @Test
    void keepsEveryPageAndDraftOnPostgres() throws Exception {
        var server = EmbeddedPostgresConfiguration.server();
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        migratesLegacyPages(server.getDatabase("postgres", name));
    }

    private void migratesLegacyPages(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).target("20").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO authority (id, name, type, cvr_number) VALUES (?, 'Styrelsen', 'STATE', '12345674')")
                .param(AUTHORITY).update();
        for (UUID id : List.of(LIVE, LIVE_WITH_DRAFT, ONLY_DRAFT)) {
            jdbc.sql("""
                    INSERT INTO self_service (id, slug, title, short_description, kind, scope, url, authority_id,
                        login_method, status, created_at, updated_at)
                    VALUES (?, ?, 'Meld flytning', 'Kort.', 'ONLINE', 'NATIONAL', 'https://x.example.dk', ?,
                        'NONE', 'PUBLISHED', TIMESTAMP '2025-01-01 10:00:00', TIMESTAMP '2025-01-01 10:00:00')""")
                    .params(id, "s-" + id, AUTHORITY).update();
        }
        for (UUID id : List.of(LIVE, LIVE_WITH_DRAFT)) {
            jdbc.sql("""
                    INSERT INTO action_page (self_service_id, title, intro, start_label, alternatives, updated_at)
                    VALUES (?, 'Meld flytning', 'Live tekst.', 'Start flytning', 'Ring til os.',
                        TIMESTAMP '2025-02-01 10:00:00')""").param(id).update();
            jdbc.sql("INSERT INTO action_page_before_you_start VALUES (?, 0, 'MitID.'), (?, 1, 'CPR-nummer.')")
                    .params(id, id).update();
        }
        for (UUID id : List.of(LIVE_WITH_DRAFT, ONLY_DRAFT)) {
            jdbc.sql("""
                    INSERT INTO action_page_draft (self_service_id, title, intro, afterwards, updated_at)
                    VALUES (?, 'Meld flytning nu', 'Kladdetekst.', 'Svar i Digital Post.',
                        TIMESTAMP '2025-03-01 10:00:00')""").param(id).update();
            jdbc.sql("INSERT INTO action_page_draft_before_you_start VALUES (?, 0, 'Kun MitID.')").param(id).update();
        }

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(page(jdbc, LIVE)).containsEntry("status", "PUBLISHED").containsEntry("latest_revision", 1)
                .containsEntry("published_revision", 1);
        assertThat(revision(jdbc, LIVE, 1)).containsEntry("intro", "Live tekst.")
                .containsEntry("start_label", "Start flytning").containsEntry("alternatives", "Ring til os.");
        assertThat(items(jdbc, LIVE, 1)).containsExactly("MitID.", "CPR-nummer.");

        assertThat(page(jdbc, LIVE_WITH_DRAFT)).containsEntry("status", "PUBLISHED")
                .containsEntry("latest_revision", 2).containsEntry("published_revision", 1);
        assertThat(revision(jdbc, LIVE_WITH_DRAFT, 2)).containsEntry("title", "Meld flytning nu")
                .containsEntry("afterwards", "Svar i Digital Post.");
        assertThat(items(jdbc, LIVE_WITH_DRAFT, 1)).containsExactly("MitID.", "CPR-nummer.");
        assertThat(items(jdbc, LIVE_WITH_DRAFT, 2)).containsExactly("Kun MitID.");

        assertThat(page(jdbc, ONLY_DRAFT)).containsEntry("status", "DRAFT").containsEntry("latest_revision", 1)
                .containsEntry("published_revision", null);
        assertThat(revision(jdbc, ONLY_DRAFT, 1)).containsEntry("intro", "Kladdetekst.");
        assertThat(items(jdbc, ONLY_DRAFT, 1)).containsExactly("Kun MitID.");
    }

    private static Map<String, Object> page(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT status, latest_revision, published_revision FROM action_page WHERE self_service_id = ?")
                .param(id).query().singleRow();
    }

    private static Map<String, Object> revision(JdbcClient jdbc, UUID id, int number) {
        return jdbc.sql("SELECT * FROM action_page_revision WHERE self_service_id = ? AND number = ?")
                .params(id, number).query().singleRow();
    }

    private static List<String> items(JdbcClient jdbc, UUID id, int number) {
        return jdbc.sql("SELECT item FROM action_page_revision_item WHERE self_service_id = ? AND number = ? "
                + "ORDER BY item_order").params(id, number).query(String.class).list();
    }
}
