package dk.selvbetjening.flow;

import java.sql.SQLException;
import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Events survive a listener that did not finish, on a real PostgreSQL server, as in production. */
@SpringBootTest
class EventRestartPostgresTests extends EventRestartContract {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        url = EmbeddedPostgresConfiguration.server().getJdbcUrl("postgres", EmbeddedPostgresConfiguration.newDatabase());
        registry.add("spring.datasource.url", () -> url);
    }

    @Override
    List<String> sameDatabase() {
        return List.of("--spring.datasource.url=" + url);
    }
}
