package dk.selvbetjening.flow;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Events survive a listener that did not finish, on the embedded default: H2 in PostgreSQL mode. */
@SpringBootTest
class EventRestartH2Tests extends EventRestartContract {

    private static final String URL = "jdbc:h2:mem:restart-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }

    @Override
    List<String> sameDatabase() {
        return List.of("--spring.datasource.url=" + URL);
    }
}
