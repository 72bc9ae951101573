package dk.selvbetjening.authority.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The register in the JSON API: anyone reads it; editors create and change authorities with HTTP Basic and
 * If-Match, and load CSV files; the errors are Danish problem details, per field or per line.
 */
@SpringBootTest(properties = "test.context=authority")
@AutoConfigureMockMvc
class AuthorityApiControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    PortalTestData data;

    private TestAccount editor;

    @BeforeEach
    void editor() {
        editor = accounts.editor();
    }

    private MvcTestResult create(String json) {
        return mvc.post().uri("/api/v1/authorities").header("Authorization", editor.basic())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void anEditorRegistersAnAuthorityAndAnyoneReadsIt() {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        MvcTestResult created = create("""
                {"name": "Apistyrelsen", "type": "STATE", "cvrNumber": "%s", "homepageUrl": "https://api.example.dk",
                 "contactPhone": "+45 70 20 20 20", "contactEmail": "post@api.example.dk"}""".formatted(cvr));
        assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("ETag", "\"0\"");
        String location = created.getResponse().getHeader("Location");
        assertThat(location).matches(".*/api/v1/authorities/[0-9a-f-]{36}");

        assertThat(mvc.get().uri(location)).hasStatusOk().hasHeader("ETag", "\"0\"").bodyJson().isLenientlyEqualTo("""
                {"name": "Apistyrelsen", "type": "STATE", "cvrNumber": "%s", "municipalityCode": null,
                 "homepageUrl": "https://api.example.dk", "regionCode": null, "contactPhone": "+45 70 20 20 20",
                 "contactEmail": "post@api.example.dk", "complete": true, "retired": false, "retiredAt": null}"""
                .formatted(cvr));
        assertThat(mvc.get().uri("/api/v1/authorities?type=STATE")).hasStatusOk().bodyJson()
                .extractingPath("$[*].cvrNumber").asArray().contains(cvr);
        assertThat(mvc.get().uri("/api/v1/authorities?type=MUNICIPALITY")).hasStatusOk().bodyJson()
                .extractingPath("$[*].cvrNumber").asArray().doesNotContain(cvr);
    }

    @Test
    void writingNeedsAnEditorAndReadingNeedsNoOne() {
        String body = "{\"name\": \"Ingenstyrelsen\", \"type\": \"STATE\"}";
        assertThat(mvc.post().uri("/api/v1/authorities").contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        TestAccount authorityEditor = accounts.authorityEditor(data.stateAuthority().id());
        assertThat(mvc.post().uri("/api/v1/authorities").header("Authorization", authorityEditor.basic())
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.title").isEqualTo("Ingen adgang");
        assertThat(mvc.get().uri("/api/v1/authorities")).hasStatusOk().bodyJson()
                .extractingPath("$[*].name").asArray().doesNotContain("Ingenstyrelsen");
    }

    @Test
    void whatToFixIsSaidPerFieldInDanish() {
        assertThat(create("""
                {"name": "", "type": "MUNICIPALITY", "cvrNumber": "11111111", "municipalityCode": "998",
                 "homepageUrl": "http://x.dk"}""")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isLenientlyEqualTo("""
                {"title": "Myndigheden har fejl", "detail": "Ret 4 fejl, og prøv igen. Fejlene står i errors.",
                 "errors": [
                   {"field": "name", "message": "Skriv myndighedens navn (højst 200 tegn)."},
                   {"field": "cvrNumber", "message": "CVR-nummeret \\"11111111\\" er ikke gyldigt. Det har 8 cifre, og kontrolcifferet skal passe (modulus 11), fx 29189919. Tjek nummeret i CVR-registret."},
                   {"field": "municipalityCode", "message": "Der findes ingen kommune med kommunekoden \\"998\\". Brug en af de 98 kommunekoder, fx 101."},
                   {"field": "homepageUrl", "message": "Hjemmesiden \\"http://x.dk\\" skal være en hel adresse, der starter med https://, fx https://www.aarhus.dk."}
                 ]}""");
        assertThat(create("{\"name\": ")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aChangeNeedsTheCurrentETagAndCanRetireTheAuthority() {
        MvcTestResult created = create("""
                {"name": "Putstyrelsen", "type": "MUNICIPALITY", "municipalityCode": 147}""");
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.complete").isEqualTo(false);
        String location = created.getResponse().getHeader("Location");
        String cvr = AuthorityFixtures.aCvrNumber().value();
        String body = """
                {"name": "Frederiksberg Kommune", "type": "MUNICIPALITY", "cvrNumber": "%s", "municipalityCode": 147,
                 "retired": true}""".formatted(cvr);

        assertThat(mvc.put().uri(location).header("Authorization", editor.basic())
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.PRECONDITION_REQUIRED)
                .bodyJson().extractingPath("$.title").isEqualTo("If-Match mangler");
        assertThat(mvc.put().uri(location).header("Authorization", editor.basic()).header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.PRECONDITION_FAILED);

        MvcTestResult changed = mvc.put().uri(location).header("Authorization", editor.basic())
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(changed).hasStatusOk().hasHeader("ETag", "\"2\"").bodyJson().isLenientlyEqualTo("""
                {"name": "Frederiksberg Kommune", "cvrNumber": "%s", "municipalityCode": 147, "complete": true,
                 "retired": true}""".formatted(cvr));
        assertThat(mvc.get().uri("/api/v1/authorities?type=MUNICIPALITY")).bodyJson()
                .extractingPath("$[*].cvrNumber").asArray().doesNotContain(cvr);
        assertThat(mvc.get().uri("/api/v1/authorities?type=MUNICIPALITY&includeRetired=true")).bodyJson()
                .extractingPath("$[*].cvrNumber").asArray().contains(cvr);
    }

    @Test
    void unknownIdsAndTypesAreAnsweredInDanish() {
        assertThat(mvc.get().uri("/api/v1/authorities/ikke-et-id")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/authorities/00000000-0000-0000-0000-000000000000"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/authorities?type=KONTOR")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .isLenientlyEqualTo("""
                        {"errors": [{"field": "type", "message": "Ukendt type. Brug STATE, REGION, MUNICIPALITY eller PRIVATE."}]}""");
    }

    @Test
    void aCsvImportStoresEveryRowOrNoneAndTheExportReadsBack() {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        byte[] bad = ("\uFEFFNavn;Type;CVR-nummer\r\nCsvstyrelsen;Stat;" + cvr + "\r\nFejl;Stat;123\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post().uri("/api/v1/authorities/import").header("Authorization", editor.basic()).multipart()
                .file(new MockMultipartFile("file", "myndigheder.csv", "text/csv", bad)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().isLenientlyEqualTo("""
                {"title": "Filen har fejl", "detail": "Intet er gemt: 1 af 2 rækker har fejl. Fejlene står i errors.",
                 "applied": false, "counts": {"rows": 2, "created": 1, "changed": 0, "unchanged": 0, "errors": 1},
                 "errors": [{"line": 3, "column": "CVR-nummer", "message": "CVR-nummeret \\"123\\" er ikke gyldigt. Det har 8 cifre, og kontrolcifferet skal passe (modulus 11), fx 29189919. Tjek nummeret i CVR-registret."}]}""");
        assertThat(mvc.get().uri("/api/v1/authorities/export")).hasStatusOk().bodyText().doesNotContain(cvr);

        byte[] good = ("Navn;Type;CVR-nummer\r\nCsvstyrelsen;Stat;" + cvr + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post().uri("/api/v1/authorities/import").multipart()
                .file(new MockMultipartFile("file", "myndigheder.csv", "text/csv", good)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/v1/authorities/import").header("Authorization", editor.basic()).multipart()
                .file(new MockMultipartFile("file", "myndigheder.csv", "text/csv", good))).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"applied": true, "counts": {"rows": 1, "created": 1, "changed": 0, "unchanged": 0, "errors": 0}}""");
        MvcTestResult export = mvc.get().uri("/api/v1/authorities/export").exchange();
        assertThat(export).hasStatusOk().hasHeader("Content-Disposition", "attachment; filename=\"myndigheder.csv\"");
        assertThat(export.getResponse().getContentType()).startsWith("text/csv");
        assertThat(export).bodyText().contains(";Csvstyrelsen;Stat;" + cvr + ";;;;;;Aktiv\r\n");
        assertThat(mvc.post().uri("/api/v1/authorities/import").header("Authorization", editor.basic()).multipart()
                .file(new MockMultipartFile("file", "tom.csv", "text/csv", new byte[0])))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
    }
}
