package dk.selvbetjening.flow;

import java.sql.SQLException;
import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Events survive a listener that did not finish, on a real PostgreSQL server, as in production. */
@SpringBootTest
class EventRestartPostgresTests extends EventRestartContract {

    /**
     * Unpooled, as {@link EmbeddedPostgresConfiguration}'s: the server stops in its own shutdown hook while the
     * contexts close, and a pool would wait half a minute for a connection there instead of failing at once.
     */
    private static final String TYPE = "org.postgresql.ds.PGSimpleDataSource";

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        url = EmbeddedPostgresConfiguration.server().getJdbcUrl("postgres", EmbeddedPostgresConfiguration.newDatabase());
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.type", () -> TYPE);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Override
    List<String> sameDatabase() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.type=" + TYPE,
                "--spring.datasource.username=postgres");
    }
}
