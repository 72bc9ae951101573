package dk.selvbetjening.authority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.SecuredWebSlice;
import dk.selvbetjening.account.SecuredWebSlice.Logins;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFieldError;
import dk.selvbetjening.authority.AuthorityFilter;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityImportReport;
import dk.selvbetjening.authority.AuthorityInput;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.InvalidAuthorityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The register in the JSON API: anyone reads it; editors create and change authorities (If-Match), and load CSV
 * files; the errors are Danish problem details, per field or per line. The register's rules and storage are
 * {@code AuthorityServiceTests}'; here the service is a mock, and each test checks what the API hands it and how it
 * answers with the service's result. HTTP Basic itself is {@code AccountSecurityTests}'.
 */
@WebMvcTest(AuthorityApiController.class)
@SecuredWebSlice
class AuthorityApiControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AuthorityService authorities;

    @Autowired
    AccountService accounts;

    private RequestPostProcessor editor;

    @BeforeEach
    void editor() {
        editor = Logins.editor(accounts);
    }

    private MvcTestResult create(String json) {
        return mvc.post().uri("/api/v1/authorities").with(editor).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private static AuthorityDetails apistyrelsen(long version) {
        return new AuthorityDetails(UUID.fromString("0b7c1a52-5d5e-4a44-9d51-2f1f2d0e9a11"), "Apistyrelsen",
                AuthorityType.STATE, "29189919", null, null, "https://api.example.dk", "+45 70 20 20 20",
                "post@api.example.dk", null, version);
    }

    @Test
    void anEditorRegistersAnAuthorityAndAnyoneReadsIt() {
        AuthorityDetails created = apistyrelsen(0);
        given(authorities.create(any())).willReturn(created);
        MvcTestResult result = create("""
                {"name": "Apistyrelsen", "type": "STATE", "cvrNumber": "29189919", "homepageUrl": "https://api.example.dk",
                 "contactPhone": "+45 70 20 20 20", "contactEmail": "post@api.example.dk"}""");
        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("ETag", "\"0\"")
                .hasHeader("Location", "http://localhost/api/v1/authorities/" + created.id());
        then(authorities).should().create(new AuthorityInput("Apistyrelsen", "STATE", "29189919", null, null,
                "https://api.example.dk", "+45 70 20 20 20", "post@api.example.dk"));

        given(authorities.authority(created.id())).willReturn(apistyrelsen(3));
        assertThat(mvc.get().uri("/api/v1/authorities/" + created.id())).hasStatusOk().hasHeader("ETag", "\"3\"")
                .bodyJson().isStrictlyEqualTo("""
                {"id": "0b7c1a52-5d5e-4a44-9d51-2f1f2d0e9a11", "name": "Apistyrelsen", "type": "STATE",
                 "cvrNumber": "29189919", "municipalityCode": null, "homepageUrl": "https://api.example.dk",
                 "regionCode": null, "contactPhone": "+45 70 20 20 20", "contactEmail": "post@api.example.dk",
                 "complete": true, "retired": false, "retiredAt": null}""");
        given(authorities.authorities(new AuthorityFilter(AuthorityType.STATE, false, false)))
                .willReturn(List.of(created));
        assertThat(mvc.get().uri("/api/v1/authorities?type=STATE")).hasStatusOk().bodyJson()
                .extractingPath("$[*].cvrNumber").asArray().containsExactly("29189919");
        assertThat(mvc.get().uri("/api/v1/authorities?type=MUNICIPALITY&includeRetired=true")).hasStatusOk()
                .bodyJson().isStrictlyEqualTo("[]");
        then(authorities).should().authorities(new AuthorityFilter(AuthorityType.MUNICIPALITY, true, false));
    }

    @Test
    void writingNeedsAnAccountAndTheServiceDecidesWhichAndReadingNeedsNoOne() {
        String body = "{\"name\": \"Ingenstyrelsen\", \"type\": \"STATE\"}";
        assertThat(mvc.post().uri("/api/v1/authorities").contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.title").isEqualTo("Log ind");
        then(authorities).should(never()).create(any());

        given(authorities.create(any())).willThrow(new AccessDeniedException("Editors only"));
        assertThat(mvc.post().uri("/api/v1/authorities").with(Logins.authorityEditor(accounts, UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("Ingen adgang");
        assertThat(mvc.get().uri("/api/v1/authorities")).hasStatusOk();
    }

    @Test
    void whatToFixIsSaidPerFieldInDanish() {
        given(authorities.create(any())).willThrow(new InvalidAuthorityException(List.of(
                new AuthorityFieldError("name", "authority.error.name", List.of("200")),
                new AuthorityFieldError("cvrNumber", "authority.error.cvr", List.of("11111111")),
                new AuthorityFieldError("municipalityCode", "authority.error.municipalityUnknown", List.of("998")),
                new AuthorityFieldError("homepageUrl", "authority.error.homepage", List.of("http://x.dk")))));
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
        then(authorities).should().create(new AuthorityInput("", "MUNICIPALITY", "11111111", "998", null,
                "http://x.dk", null, null));
        assertThat(create("{\"name\": ")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aChangeNeedsTheCurrentETagAndCanRetireTheAuthority() {
        AuthorityDetails read = apistyrelsen(0);
        String location = "/api/v1/authorities/" + read.id();
        given(authorities.authority(read.id())).willReturn(read);
        String body = """
                {"name": "Frederiksberg Kommune", "type": "MUNICIPALITY", "cvrNumber": "29189919",
                 "municipalityCode": 147, "retired": true}""";
        AuthorityInput input = new AuthorityInput("Frederiksberg Kommune", "MUNICIPALITY", "29189919", "147", null,
                null, null, null);

        assertThat(mvc.put().uri(location).with(editor).contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED).bodyJson().extractingPath("$.title")
                .isEqualTo("If-Match mangler");
        given(authorities.update(read.id(), 7L, input, true))
                .willThrow(AuthorityFixtures.changedMeanwhile("authority.error.stale"));
        assertThat(mvc.put().uri(location).with(editor).header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.PRECONDITION_FAILED)
                .bodyJson().extractingPath("$.title").isEqualTo("Myndigheden er ændret");

        AuthorityDetails changed = new AuthorityDetails(read.id(), "Frederiksberg Kommune", AuthorityType.MUNICIPALITY,
                "29189919", 147, null, null, null, null, Instant.parse("2026-05-01T10:00:00Z"), 2);
        given(authorities.update(read.id(), 0L, input, true)).willReturn(changed);
        assertThat(mvc.put().uri(location).with(editor).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatusOk().hasHeader("ETag", "\"2\"")
                .bodyJson().isLenientlyEqualTo("""
                {"name": "Frederiksberg Kommune", "cvrNumber": "29189919", "municipalityCode": 147, "complete": true,
                 "retired": true, "retiredAt": "2026-05-01T10:00:00Z"}""");
        then(authorities).should().update(read.id(), 0L, input, true);
    }

    @Test
    void unknownIdsAndTypesAreAnsweredInDanish() {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000000");
        given(authorities.authority(unknown)).willThrow(new dk.selvbetjening.authority.AuthorityNotFoundException(
                unknown.toString()));
        assertThat(mvc.get().uri("/api/v1/authorities/ikke-et-id")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/authorities/" + unknown)).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/authorities?type=KONTOR")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .isLenientlyEqualTo("""
                        {"errors": [{"field": "type", "message": "Ukendt type. Brug STATE, REGION, MUNICIPALITY eller PRIVATE."}]}""");
        then(authorities).should(never()).authorities(any());
    }

    @Test
    void aCsvImportAnswersWithTheReportAndTheExportIsAFileForExcel() {
        byte[] bad = "\uFEFFNavn;Type;CVR-nummer\r\nCsvstyrelsen;Stat;29189919\r\nFejl;Stat;123\r\n"
                .getBytes(StandardCharsets.UTF_8);
        given(authorities.importCsv(bad)).willReturn(new AuthorityImportReport(false, 2, 1, 0, 0, 1, List.of(
                new AuthorityImportReport.RowError(3, "CVR-nummer", "authority.error.cvr", List.of("123")))));
        assertThat(mvc.post().uri("/api/v1/authorities/import").with(editor).multipart()
                .file(new MockMultipartFile("file", "myndigheder.csv", "text/csv", bad)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().isLenientlyEqualTo("""
                {"title": "Filen har fejl", "detail": "Intet er gemt: 1 af 2 rækker har fejl. Fejlene står i errors.",
                 "applied": false, "counts": {"rows": 2, "created": 1, "changed": 0, "unchanged": 0, "errors": 1},
                 "errors": [{"line": 3, "column": "CVR-nummer", "message": "CVR-nummeret \\"123\\" er ikke gyldigt. Det har 8 cifre, og kontrolcifferet skal passe (modulus 11), fx 29189919. Tjek nummeret i CVR-registret."}]}""");

        byte[] good = "Navn;Type;CVR-nummer\r\nCsvstyrelsen;Stat;29189919\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post().uri("/api/v1/authorities/import").multipart()
                .file(new MockMultipartFile("file", "myndigheder.csv", "text/csv", good)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        then(authorities).should(never()).importCsv(good);
        given(authorities.importCsv(good)).willReturn(new AuthorityImportReport(true, 1, 1, 0, 0, 0, List.of()));
        assertThat(mvc.post().uri("/api/v1/authorities/import").with(editor).multipart()
                .file(new MockMultipartFile("file", "myndigheder.csv", "text/csv", good))).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"applied": true, "counts": {"rows": 1, "created": 1, "changed": 0, "unchanged": 0, "errors": 0}}""");
        then(authorities).should().importCsv(good);

        byte[] file = "\uFEFFId;Navn\r\n".getBytes(StandardCharsets.UTF_8);
        given(authorities.exportCsv(eq(new AuthorityFilter(null, true, false)))).willReturn(file);
        MvcTestResult export = mvc.get().uri("/api/v1/authorities/export?includeRetired=true").exchange();
        assertThat(export).hasStatusOk().hasHeader("Content-Disposition", "attachment; filename=\"myndigheder.csv\"");
        assertThat(export.getResponse().getContentType()).startsWith("text/csv");
        assertThat(export.getResponse().getContentAsByteArray()).isEqualTo(file);
        assertThat(mvc.post().uri("/api/v1/authorities/import").with(editor).multipart()
                .file(new MockMultipartFile("file", "tom.csv", "text/csv", new byte[0])))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
    }
}
