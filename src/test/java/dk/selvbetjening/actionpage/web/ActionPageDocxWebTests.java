package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.word.DocxFiles;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The Word template over HTTP: the public template, the import API and the backoffice's export. */
@SpringBootTest
@AutoConfigureMockMvc
class ActionPageDocxWebTests {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ActionPageDocx docx;

    @Autowired
    ActionPageService pages;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    private MvcTestResult upload(byte[] file) {
        return mvc.post().uri("/api/v1/action-pages/import")
                .multipart().file(new MockMultipartFile("file", "handlingsside.docx", DOCX, file)).exchange();
    }

    static ActionPageContent aPage() {
        return new ActionPageContent("Søg om tilskud til høreapparat",
                "Her søger du om tilskud.\n\nDet er for dig, der er fyldt 18 år.",
                List.of("MitID.", "En lægeerklæring."), "Start ansøgning", "Styrelsen for Patientsikkerhed",
                "Ring til os på 70 20 00 00.", "Du får svar i Digital Post.", "Læs mere på sundhed.dk.",
                "Sundhedsloven § 72.", "Det er gratis.", "Søg inden 6 måneder.",
                new PlannedDowntime(java.time.Instant.parse("2027-03-01T21:00:00Z"),
                        java.time.Instant.parse("2027-03-02T05:00:00Z"), "Lukket for opdatering."));
    }

    // The blank template

    @Test
    void theBlankTemplateIsAWordAttachmentForAnyoneWithoutLogin() {
        MvcTestResult result = mvc.get().uri("/tilslut/skabelon.docx").exchange();

        assertThat(result).hasStatusOk()
                .hasHeader("Content-Type", DOCX)
                .hasHeader("Content-Disposition", "attachment; filename=\"handlingsside-skabelon.docx\"");
        byte[] file = result.getResponse().getContentAsByteArray();
        assertThat(docx.read(new ByteArrayInputStream(file), file.length).content()).isEqualTo(
                new ActionPageContent(null, null, List.of(), null, null, null, null, null, null, null, null, null));
        assertThat(DocxFiles.documentXml(file)).contains("Før du går i gang", "Planlagt nedetid");
    }

    // The import API

    @Test
    void theImportAnswersTheWholeActionPageAsJson() {
        assertThat(upload(docx.export(aPage()))).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"actionPage": {
                           "title": "Søg om tilskud til høreapparat",
                           "intro": "Her søger du om tilskud.\\n\\nDet er for dig, der er fyldt 18 år.",
                           "beforeYouStart": ["MitID.", "En lægeerklæring."],
                           "startLabel": "Start ansøgning",
                           "continuesOn": "Styrelsen for Patientsikkerhed",
                           "alternatives": "Ring til os på 70 20 00 00.",
                           "afterwards": "Du får svar i Digital Post.",
                           "moreInformation": "Læs mere på sundhed.dk.",
                           "rules": "Sundhedsloven § 72.",
                           "fees": "Det er gratis.",
                           "deadlines": "Søg inden 6 måneder.",
                           "plannedDowntime": {"from": "2027-03-01T21:00:00Z", "until": "2027-03-02T05:00:00Z",
                                               "message": "Lukket for opdatering."}},
                         "unplaced": []}""");
    }

    @Test
    void theImportListsTextItCouldNotPlaceAndLeavesEmptyElementsNull() {
        byte[] file = DocxFiles.document(d -> {
            d.createParagraph().createRun().setText("Hej redaktion");
            var heading = d.createParagraph();
            heading.setStyle("Heading1");
            heading.createRun().setText("Titel");
            d.createParagraph().createRun().setText("Meld flytning");
        });

        assertThat(upload(file)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"actionPage": {"title": "Meld flytning", "intro": null, "beforeYouStart": [], "startLabel": null,
                   "continuesOn": null, "alternatives": null, "afterwards": null, "moreInformation": null,
                   "rules": null, "fees": null, "deadlines": null, "plannedDowntime": null},
                 "unplaced": ["Tekst før første overskrift: Hej redaktion"]}""");
    }

    @Test
    void aFileThatIsNoWordDocumentIsADanish400Problem() {
        assertThat(upload("%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Filen kan ikke bruges", "status": 400,
                         "detail": "Filen er ikke et Word-dokument (.docx). Gem den som Word-dokument, og prøv igen.",
                         "instance": "/api/v1/action-pages/import"}""");
    }

    @Test
    void aZipBombIsADanish400Problem() {
        byte[] bomb = DocxFiles.withEntry(docx.template(), "word/document.xml", new byte[30 * 1024 * 1024]);

        assertThat(upload(bomb)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.detail").asString().startsWith("Filen kan ikke læses sikkert");
    }

    @Test
    void aFileOverFiveMegabytesIsADanish413Problem() {
        assertThat(upload(new byte[(int) ActionPageDocx.MAX_BYTES + 1])).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Filen er for stor", "status": 413,
                         "detail": "Filen er større end 5 MB. Fjern billeder fra dokumentet, og prøv igen.",
                         "instance": "/api/v1/action-pages/import"}""");
    }

    @Test
    void anImportWithoutAFileSaysWhichPartIsMissing() {
        assertThat(mvc.post().uri("/api/v1/action-pages/import").multipart().param("x", "y").exchange())
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isLenientlyEqualTo("""
                        {"title": "Ugyldig forespørgsel", "status": 400,
                         "detail": "Send den udfyldte Word-skabelon som delen \\"file\\" (multipart/form-data).",
                         "errors": [{"field": "file"}]}""");
    }

    // The backoffice's export

    @Test
    void anEditorExportsAnyServicesNewestActionPageText() {
        SelfServiceDetails service = data.publishedNational("https://www.example-styrelse.dk/hoereapparat");
        SystemPrincipal.run(() -> pages.saveDraft(service.id(), aPage()));
        TestAccount editor = accounts.editor();

        MvcTestResult result = mvc.get().uri("/redaktion/selvbetjeninger/{slug}/handlingsside.docx", service.slug())
                .with(editor.login()).exchange();

        assertThat(result).hasStatusOk().hasHeader("Content-Type", DOCX).hasHeader("Content-Disposition",
                "attachment; filename=\"handlingsside-" + service.slug() + ".docx\"");
        byte[] file = result.getResponse().getContentAsByteArray();
        assertThat(docx.read(new ByteArrayInputStream(file), file.length).content()).isEqualTo(aPage());
    }

    @Test
    void anAuthorityEditorExportsItsOwnAuthoritysServicesOnly() {
        SelfServiceDetails service = data.publishedNational("https://www.example-styrelse.dk/pas");
        TestAccount own = accounts.authorityEditor(service.authorityId());
        TestAccount other = accounts.authorityEditor(
                authorities.register(AuthorityFixtures.aStateAuthority("Styrelsen for Andet")).id());
        String uri = "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside.docx";

        assertThat(mvc.get().uri(uri).with(own.login())).hasStatusOk();
        assertThat(mvc.get().uri(uri).with(other.login())).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndAnUnknownServiceIsNotFound() {
        SelfServiceDetails service = data.publishedNational("https://www.example-styrelse.dk/kort");

        assertThat(mvc.get().uri("/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside.docx"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/redaktion/log-ind");
        assertThat(mvc.get().uri("/redaktion/selvbetjeninger/findes-ikke/handlingsside.docx")
                .with(accounts.editor().login())).hasStatus(HttpStatus.NOT_FOUND);
    }
}
