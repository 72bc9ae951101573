package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V52 stores every existing self-service's URL in the form URLs are compared in, with the application's own
 * normalization, on H2 and on PostgreSQL; a URL without its normalized form is refused from then on.
 */
class SelfServiceNormalizedUrlMigrationTests {

    static final UUID AUTHORITY = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID NATIONAL = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID MUNICIPAL = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    @Test
    void fillsInTheNormalizedUrlsOnH2() {
        SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:normalized-url-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        fillsInNormalizedUrls(h2);
        h2.destroy();
    }

    @Test
    void fillsInTheNormalizedUrlsOnPostgres() throws Exception {
        fillsInNormalizedUrls(EmbeddedPostgresConfiguration.freshDatabase());
    }

    private void fillsInNormalizedUrls(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).target("50").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO authority (id, name, type, cvr_number) VALUES (?, 'Styrelsen', 'STATE', '12345674')")
                .param(AUTHORITY).update();
        insert(jdbc, NATIONAL, "NATIONAL", "HTTPS://WWW.Flyt.Example.DK/Meld/Flytning/?trin=1#start");
        insert(jdbc, MUNICIPAL, "MUNICIPAL", null);

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(normalizedUrl(jdbc, NATIONAL))
                .isEqualTo("https://www.flyt.example.dk/Meld/Flytning?trin=1")
                .isEqualTo(ServiceUrl.normalize("HTTPS://WWW.Flyt.Example.DK/Meld/Flytning/?trin=1#start"));
        assertThat(normalizedUrl(jdbc, MUNICIPAL)).isNull();
        assertThatThrownBy(() -> jdbc.sql("UPDATE self_service SET url = 'https://ny.example.dk', normalized_url = NULL "
                + "WHERE id = ?").param(NATIONAL).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void insert(JdbcClient jdbc, UUID id, String scope, String url) {
        jdbc.sql("""
                INSERT INTO self_service (id, slug, title, short_description, kind, scope, url, authority_id,
                    login_method, status, created_at, updated_at)
                VALUES (?, ?, 'Meld flytning', 'Kort.', 'ONLINE', ?, ?, ?, 'NONE', 'PUBLISHED',
                    TIMESTAMP '2025-01-01 10:00:00', TIMESTAMP '2025-01-01 10:00:00')""")
                .params(id, "s-" + id, scope, url, AUTHORITY).update();
    }

    private static String normalizedUrl(JdbcClient jdbc, UUID id) {
        return (String) jdbc.sql("SELECT normalized_url FROM self_service WHERE id = ?").param(id).query().singleRow()
                .get("normalized_url");
    }
}
