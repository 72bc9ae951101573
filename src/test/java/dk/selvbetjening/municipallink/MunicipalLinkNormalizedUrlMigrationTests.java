package dk.selvbetjening.municipallink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import dk.selvbetjening.catalogue.ServiceUrl;
import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V79 stores every existing municipal link's URL in the form URLs are compared in, with the application's own
 * normalization, on H2 and on PostgreSQL (a missing link has none); a URL without its normalized form is refused
 * from then on.
 */
class MunicipalLinkNormalizedUrlMigrationTests {

    static final UUID AUTHORITY = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final UUID SERVICE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID COPENHAGEN = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID AARHUS = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    static final UUID MISSING = UUID.fromString("00000000-0000-0000-0000-0000000000c4");
    static final String URL = "HTTPS://WWW.KK.DK/Borger/Flyt/?trin=1#start";

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void fillsInTheNormalizedUrls(String database) throws Exception {
        if (database.equals("H2")) {
            SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:link-normalized-url-"
                    + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "",
                    true);
            try {
                fillsInNormalizedUrls(h2);
            } finally {
                h2.destroy();
            }
        } else {
            fillsInNormalizedUrls(EmbeddedPostgresConfiguration.freshDatabase());
        }
    }

    private void fillsInNormalizedUrls(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).target("76").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO authority (id, name, type, cvr_number) VALUES (?, 'Styrelsen', 'STATE', '12345674')")
                .param(AUTHORITY).update();
        jdbc.sql("""
                INSERT INTO self_service (id, slug, title, short_description, kind, scope, url, authority_id,
                    login_method, status, created_at, updated_at)
                VALUES (?, 'meld-flytning', 'Meld flytning', 'Kort.', 'ONLINE', 'MUNICIPAL', NULL, ?, 'NONE',
                    'PUBLISHED', TIMESTAMP '2025-01-01 10:00:00', TIMESTAMP '2025-01-01 10:00:00')""")
                .params(SERVICE, AUTHORITY).update();
        link(jdbc, COPENHAGEN, 101, URL);
        link(jdbc, AARHUS, 751, "https://aarhus.dk/flyt");
        link(jdbc, MISSING, 851, null);

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(normalizedUrl(jdbc, COPENHAGEN)).isEqualTo("https://www.kk.dk/Borger/Flyt?trin=1")
                .isEqualTo(ServiceUrl.normalize(URL));
        assertThat(normalizedUrl(jdbc, AARHUS)).isEqualTo("https://aarhus.dk/flyt");
        assertThat(normalizedUrl(jdbc, MISSING)).isNull();
        // the previous release still writes links without the column during a rolling upgrade: no constraint refuses it
        jdbc.sql("UPDATE municipal_link SET url = 'https://ny.example.dk', normalized_url = NULL WHERE id = ?")
                .param(AARHUS).update();
    }

    private static void link(JdbcClient jdbc, UUID id, int code, String url) {
        jdbc.sql("INSERT INTO municipal_link (id, self_service_id, municipality_code, url, updated_at) "
                + "VALUES (?, ?, ?, ?, TIMESTAMP '2025-01-01 10:00:00')").params(id, SERVICE, code, url).update();
    }

    private static String normalizedUrl(JdbcClient jdbc, UUID id) {
        return (String) jdbc.sql("SELECT normalized_url FROM municipal_link WHERE id = ?").param(id).query().singleRow()
                .get("normalized_url");
    }
}
