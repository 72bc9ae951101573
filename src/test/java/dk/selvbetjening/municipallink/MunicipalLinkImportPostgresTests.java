package dk.selvbetjening.municipallink;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The CSV import on a real PostgreSQL server, as in production: COPY into a staging table, set-based writes. */
@SpringBootTest(properties = {"test.context=municipallink-postgres", "selvbetjening.demo.enabled=false"})
@Import(EmbeddedPostgresConfiguration.class)
class MunicipalLinkImportPostgresTests extends MunicipalLinkImportContract {

    @Override
    boolean copies() {
        return true;
    }
}
