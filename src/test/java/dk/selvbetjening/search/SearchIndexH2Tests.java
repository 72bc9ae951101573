package dk.selvbetjening.search;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The index follows publishing on the embedded default, H2 in PostgreSQL mode. */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
class SearchIndexH2Tests extends SearchIndexContract {
}
