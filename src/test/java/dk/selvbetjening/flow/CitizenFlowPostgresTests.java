package dk.selvbetjening.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The citizen flows on a real PostgreSQL server, as in production. */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
@Import(EmbeddedPostgresConfiguration.class)
class CitizenFlowPostgresTests extends CitizenFlowContract {

    @Test
    void runsOnARealPostgresqlServer() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }
}
