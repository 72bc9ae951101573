package dk.selvbetjening.municipallink.web;

import static dk.selvbetjening.municipallink.LinkFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.municipallink.LinkFiles;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The CSV import through the API: HTTP Basic, who may import what, the report, and the round trip to citizens. */
@SpringBootTest
@SeparateDatabase("municipallink")
@AutoConfigureMockMvc
class MunicipalLinkImportApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    MunicipalLinkService links;

    private MvcTestResult upload(byte[] file, TestAccount account, String... parameters) {
        var request = mvc.post().uri("/api/v1/municipal-links/import")
                .multipart().file(new MockMultipartFile("file", "links.csv", "text/csv", file));
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            request = request.param(parameters[i], parameters[i + 1]);
        }
        if (account != null) {
            request = request.header("Authorization", account.basic());
        }
        return request.exchange();
    }

    private TestAccount municipalityEditor(int code, String name) {
        return accounts.authorityEditor(data.municipality(code, name).id());
    }

    @Test
    void aMunicipalityEditorDownloadsFillsInAndUploadsAndCitizensLandOnTheNewUrl() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(851, "https://www.aalborg.dk/gammel", 101, "https://www.kk.dk/a"));
        TestAccount aalborg = municipalityEditor(851, "Aalborg Kommune");
        MvcTestResult exported = mvc.get().uri("/api/v1/municipal-links/export?municipalityCode=851").exchange();
        assertThat(exported).hasStatusOk();
        byte[] filled = LinkFiles.fillNewUrl(exported.getResponse().getContentAsByteArray(), ";" + service.slug() + ";",
                "https://www.aalborg.dk/ny");

        assertThat(upload(filled, aalborg)).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON).bodyJson()
                .isLenientlyEqualTo("""
                        {"applied": true, "counts": {"changed": 1, "errors": 0}, "errors": []}""");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=851"))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "https://www.aalborg.dk/ny");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=101"))
                .hasHeader("Location", "https://www.kk.dk/a");
    }

    @Test
    void anEditorImportsAnyMunicipalityAndGetsTheWholeReport() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        assertThat(upload(csv("101;" + service.slug() + ";https://www.kk.dk/b", "147;" + service.slug() + ";",
                "461;" + service.slug() + ";https://odense.dk/b"), accounts.editor())).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("""
                        {"applied": true, "counts": {"rows": 3, "changed": 2, "unchanged": 1, "errors": 0}, "errors": []}""");
    }

    @Test
    void aFileWithErrorsIsA422ProblemListingThemAndWritesNothingUnlessValidRowsAreToBeApplied() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        TestAccount aalborg = municipalityEditor(851, "Aalborg Kommune");
        byte[] file = csv("851;" + service.slug() + ";https://www.aalborg.dk/ok",
                "101;" + service.slug() + ";https://www.kk.dk/ikke-mit",
                "851;" + service.slug() + "-x;http://www.aalborg.dk/x");
        assertThat(upload(file, aalborg)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Filen har fejl", "status": 422,
                         "detail": "2 af 3 rækker har fejl, så intet er gemt. Ret dem, eller send applyValidRows=true for at gemme de gyldige rækker.",
                         "instance": "/api/v1/municipal-links/import", "applied": false,
                         "counts": {"rows": 3, "changed": 1, "unchanged": 0, "errors": 2},
                         "errors": [
                           {"line": 3, "message": "Du må ikke rette links for København (kommunekode 101)."},
                           {"line": 4, "message": "Vi kender ikke selvbetjeningen \\"%1$s-x\\". Brug teksten fra kolonnen Selvbetjening i en hentet fil."},
                           {"line": 4, "message": "Ny URL \\"http://www.aalborg.dk/x\\" starter ikke med https://. Skriv hele adressen, fx https://www.kommune.dk/ansoeg."}]}"""
                        .formatted(service.slug()));
        assertThat(links.linksOf(service.id())).isEmpty();

        assertThat(upload(file, aalborg, "applyValidRows", "true")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"applied": true, "counts": {"rows": 3, "changed": 1, "unchanged": 0, "errors": 2}}""");
        assertThat(links.linksOf(service.id())).extracting(MunicipalLinkSummary::url)
                .containsExactly("https://www.aalborg.dk/ok");
    }

    @Test
    void onlyEditorsAndMunicipalityEditorsMayImport() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of());
        byte[] file = csv("101;" + service.slug() + ";https://www.kk.dk/a");
        TestAccount agencyEditor = accounts.authorityEditor(
                authorities.register(AuthorityFixtures.aStateAuthority("Importstyrelsen")).id());
        assertThat(upload(file, agencyEditor)).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.title").isEqualTo("Ingen adgang");
        assertThat(upload(file, null)).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.title").isEqualTo("Log ind");
        assertThat(links.linksOf(service.id())).isEmpty();
    }

    @Test
    void aMissingFileOrABadFlagIsAProblemNamingTheParameter() {
        TestAccount editor = accounts.editor();
        assertThat(mvc.post().uri("/api/v1/municipal-links/import").header("Authorization", editor.basic()))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isLenientlyEqualTo("""
                        {"status": 400, "errors": [{"field": "file",
                          "message": "Send CSV-filen som multipart/form-data i delen \\"file\\"."}]}""");
        assertThat(upload(csv(), editor, "applyValidRows", "ja")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("applyValidRows");
    }

    @Test
    void aFileOverTheLimitIsRefusedInDanish() {
        byte[] large = new byte[20 * 1024 * 1024 + 1];
        assertThat(upload(large, accounts.editor())).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isLenientlyEqualTo("""
                        {"title": "Filen er for stor",
                         "detail": "Filen er for stor. Den må højst fylde 20 MB. Del den op i flere filer, fx én pr. kommune."}""");
    }
}
