package dk.selvbetjening.connection.web;

import static dk.selvbetjening.connection.web.ConnectionWebTestData.html;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.word.DocxFiles;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.connection.QueueFilter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.MultiValueMap;

/** The connection form's upload of a filled-in Word template: it fills the action page fields and stores nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionTemplateUploadWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ActionPageDocx docx;

    @Autowired
    ConnectionReviewService requests;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ConnectionWebTestData data;

    CurrentAccount editor;

    @BeforeAll
    void anEditorToCountRequests() {
        editor = accounts.editor().account();
    }

    /** Posted as the browser does: multipart, the one part "file", no CSRF token and no JavaScript. */
    private MvcTestResult upload(String fileName, byte[] file) {
        return mvc.post().uri("/tilslut/indlaes-skabelon")
                .multipart().file(new MockMultipartFile("file", fileName, "application/octet-stream", file)).exchange();
    }

    /**
     * The whole form and the file, as the browser posts them with "Hent teksten fra filen". A browser states the
     * body's length; the mock body only stands for it, so the size limit's filter lets the parts through unread.
     */
    private MvcTestResult uploadWithForm(String fileName, byte[] file, MultiValueMap<String, String> form) {
        return mvc.post().uri("/tilslut/indlaes-skabelon").with(ConnectionWebTestData.fromOwnAddress()).multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", file)).params(form)
                .content(file).exchange();
    }

    private int storedRequests() {
        return requests.queue(QueueFilter.all(), editor).size();
    }

    @Test
    void theFormOffersTheTemplateAndUploadsItWithEverythingTyped() {
        Document page = html(mvc.get().uri("/tilslut").exchange());

        assertThat(page.select("a[href=/tilslut/skabelon.docx]").text())
                .isEqualTo("Hent Word-skabelonen til handlingssiden (.docx)");
        assertThat(page.select("main form")).as("one form: the upload takes the typed values with it").hasSize(1);
        Element form = page.selectFirst("form.connection-form");
        Element upload = form.selectFirst("button[formaction=/tilslut/indlaes-skabelon]");
        assertThat(upload).isNotNull();
        assertThat(upload.attr("formenctype")).isEqualTo("multipart/form-data");
        assertThat(upload.text()).isEqualTo("Hent teksten fra filen");
        assertThat(form.select("input[type=file]#templateFile").attr("name")).isEqualTo("file");
        assertThat(form.select("label[for=templateFile]").text()).isEqualTo("Udfyldt Word-skabelon");
        assertThat(form.select("#templateFile-hint").text()).startsWith("Højst 5 MB.");
        assertThat(form.select("fieldset.connection-action-page #templateFile")).as("in the action page's fieldset")
                .hasSize(1);
        assertThat(form.select("button[type=submit]").first().text())
                .as("Enter presses the first submit button: Fortsæt, not the upload").isEqualTo("Fortsæt");
        assertThat(form.select("button[type=submit]").first().attr("formaction")).isEmpty();
    }

    @Test
    void uploadingTheTemplateKeepsEverythingTypedAndFillsOnlyWhatTheFileHas() {
        String title = ConnectionWebTestData.aTitle();
        MultiValueMap<String, String> typed = ConnectionWebTestData.with(
                ConnectionWebTestData.aValidForm(title, data.anAuthority()), Map.of(
                        "actionPage.fees", "Det er gratis.", "actionPage.title", "Min egen titel",
                        "plannedGoLive.day", "1", "plannedGoLive.month", "3", "plannedGoLive.year", "2099"));
        ActionPageContent content = new ActionPageContent("Søg om fripladstilskud", "Her søger du om tilskud.",
                List.of("MitID."), null, null, null, null, null);

        MvcTestResult result = uploadWithForm("friplads.docx", docx.export(content), typed);

        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.getElementById("title").val()).isEqualTo(title);
        assertThat(page.getElementById("url").val()).isEqualTo(typed.getFirst("url"));
        assertThat(page.getElementById("supplierEmail").val()).isEqualTo("support@leverandoer.dk");
        assertThat(page.getElementById("authorityCvr").val()).isEqualTo(typed.getFirst("authorityCvr"));
        assertThat(page.getElementById("plannedGoLive").val()).isEqualTo("1");
        assertThat(page.getElementById("plannedGoLive-year").val()).isEqualTo("2099");
        assertThat(page.select("#topics-sundhed-og-sygdom").attr("checked")).isEqualTo("checked");
        assertThat(page.select("input[name=submissionId]").val()).isEqualTo(typed.getFirst("submissionId"));
        assertThat(page.getElementById("actionPage.title").val()).as("the file's text").isEqualTo("Søg om fripladstilskud");
        assertThat(page.getElementById("actionPage.intro").text()).isEqualTo("Her søger du om tilskud.");
        assertThat(page.getElementById("actionPage.fees").text()).as("the file leaves it empty: as typed")
                .isEqualTo("Det er gratis.");

        MvcTestResult refused = uploadWithForm("side.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), typed);
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        Document refusedPage = html(refused);
        assertThat(refusedPage.getElementById("title").val()).as("kept when the file is refused").isEqualTo(title);
        assertThat(refusedPage.getElementById("actionPage.title").val()).isEqualTo("Min egen titel");
        assertThat(refusedPage.getElementById("actionPage.fees").text()).isEqualTo("Det er gratis.");
    }

    @Test
    void aFilledInTemplateFillsTheActionPageFieldsAndNothingIsStored() {
        int before = storedRequests();
        ActionPageContent content = new ActionPageContent("Søg om fripladstilskud",
                "Her søger du om tilskud til daginstitution.\n\nDet er for forældre med lav indkomst.",
                List.of("MitID.", "Din årsopgørelse."), "Start ansøgning", "Kommunens side",
                "Ring til borgerservice.", "Du får svar i Digital Post.", "Læs mere på kommunens side.");

        MvcTestResult result = upload("fripladstilskud.docx", docx.export(content));

        assertThat(result).hasStatusOk();
        Document page = html(result);
        assertThat(page.getElementById("actionPage.title").val()).isEqualTo("Søg om fripladstilskud");
        assertThat(page.getElementById("actionPage.intro").text())
                .isEqualTo("Her søger du om tilskud til daginstitution.\n\nDet er for forældre med lav indkomst.");
        assertThat(page.getElementById("actionPage.beforeYouStart").text()).isEqualTo("MitID.\nDin årsopgørelse.");
        assertThat(page.getElementById("actionPage.startLabel").val()).isEqualTo("Start ansøgning");
        assertThat(page.getElementById("actionPage.continuesOn").val()).isEqualTo("Kommunens side");
        assertThat(page.getElementById("actionPage.alternatives").text()).isEqualTo("Ring til borgerservice.");
        assertThat(page.getElementById("actionPage.afterwards").text()).isEqualTo("Du får svar i Digital Post.");
        assertThat(page.getElementById("actionPage.moreInformation").text()).isEqualTo("Læs mere på kommunens side.");
        assertThat(page.getElementById("title").val()).isEmpty();
        assertThat(page.select("input[name=submissionId]").val()).hasSize(36);
        assertThat(page.select(".alert-success .alert-heading").text()).isEqualTo("Teksten fra Word-filen er sat ind");
        assertThat(page.select(".alert-warning")).isEmpty();
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void rulesFeesDeadlinesAndDowntimeFillTheirFieldsAndOnlyTextWithoutAHeadingIsListed() {
        ActionPageContent content = new ActionPageContent("Søg om pas", null, List.of(), null, null, null, null, null,
                "Pasloven.", "Det koster 627 kr.", "Inden 14 dage.", new PlannedDowntime(
                        Instant.parse("2027-03-01T21:00:00Z"), Instant.parse("2027-03-02T05:00:00Z"),
                        "Lukket for opdatering."));
        byte[] file = DocxFiles.withEntry(docx.export(content), "word/document.xml", DocxFiles.documentXml(
                docx.export(content)).replace("<w:body>", "<w:body><w:p><w:r><w:t>Hej redaktion</w:t></w:r></w:p>")
                .getBytes(StandardCharsets.UTF_8));

        Document page = html(upload("pas.docx", file));

        assertThat(page.getElementById("actionPage.title").val()).isEqualTo("Søg om pas");
        assertThat(page.getElementById("actionPage.rules").text()).isEqualTo("Pasloven.");
        assertThat(page.getElementById("actionPage.fees").text()).isEqualTo("Det koster 627 kr.");
        assertThat(page.getElementById("actionPage.deadlines").text()).isEqualTo("Inden 14 dage.");
        assertThat(page.getElementById("actionPage.downtimeFrom").val()).isEqualTo("2027-03-01T22:00");
        assertThat(page.getElementById("actionPage.downtimeUntil").val()).isEqualTo("2027-03-02T06:00");
        assertThat(page.getElementById("actionPage.downtimeMessage").text()).isEqualTo("Lukket for opdatering.");
        assertThat(page.select(".alert-warning .alert-heading").text())
                .isEqualTo("Noget af teksten i filen er ikke sat ind");
        assertThat(page.select(".alert-warning li").eachText())
                .containsExactly("Tekst før første overskrift: Hej redaktion");
    }

    @Test
    void aFileThatIsNoWordDocumentIsShownAtTheUploadFieldAndInTheSummary() {
        int before = storedRequests();

        MvcTestResult result = upload("side.pdf", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        Document page = html(result);
        String message = "Filen er ikke et Word-dokument (.docx). Gem den som Word-dokument, og prøv igen.";
        assertThat(page.select("#error-summary a[href=#templateFile]").text()).isEqualTo(message);
        assertThat(page.select("#templateFile-error").text()).isEqualTo("Fejl: " + message);
        assertThat(page.getElementById("templateFile").attr("aria-describedby"))
                .isEqualTo("templateFile-hint templateFile-error");
        assertThat(page.title()).startsWith("Fejl");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void anUploadWithoutAFileAsksForOne() {
        MvcTestResult result = upload("", new byte[0]);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(html(result).select("#templateFile-error").text())
                .isEqualTo("Fejl: Vælg den udfyldte Word-skabelon.");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitInDanish() {
        MvcTestResult result = upload("stor.docx", new byte[(int) ActionPageDocx.MAX_BYTES + 1]);

        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(html(result).select("#templateFile-error").text())
                .isEqualTo("Fejl: Filen er større end 5 MB. Fjern billeder fra dokumentet, og prøv igen.");
    }
}
