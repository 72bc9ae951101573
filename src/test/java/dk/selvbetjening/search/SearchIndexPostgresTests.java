package dk.selvbetjening.search;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The index follows publishing on a real PostgreSQL server (the same context as CitizenFlowPostgresTests). */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
@Import(EmbeddedPostgresConfiguration.class)
class SearchIndexPostgresTests extends SearchIndexContract {
}
