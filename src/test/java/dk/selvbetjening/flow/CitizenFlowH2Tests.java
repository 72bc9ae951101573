package dk.selvbetjening.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The citizen flows on the embedded default, H2 in PostgreSQL mode. */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
class CitizenFlowH2Tests extends CitizenFlowContract {
}
