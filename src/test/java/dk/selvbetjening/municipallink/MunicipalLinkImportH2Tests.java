package dk.selvbetjening.municipallink;

import org.springframework.boot.test.context.SpringBootTest;

/** The CSV import on the embedded H2 database: batched JDBC writes. */
@SpringBootTest(properties = "test.context=municipallink-import")
class MunicipalLinkImportH2Tests extends MunicipalLinkImportContract {

    @Override
    boolean copies() {
        return false;
    }
}
