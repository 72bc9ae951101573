package dk.selvbetjening.actionpage.word;

import static dk.selvbetjening.actionpage.word.DocxFiles.document;
import static dk.selvbetjening.actionpage.word.DocxFiles.documentXml;
import static dk.selvbetjening.actionpage.word.DocxFiles.entries;
import static dk.selvbetjening.actionpage.word.DocxFiles.withEntry;
import static dk.selvbetjening.actionpage.word.DocxFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.actionpage.word.DocxRejectedException.Reason;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Word template: writing it, reading it back, and refusing files that are not what they should be. */
class ActionPageDocxTests {

    private final ActionPageDocx docx = new ActionPageDocx(DocxFiles.messages());

    static ActionPageContent aRichActionPage() {
        return new ActionPageContent("Søg om tilskud til høreapparat",
                "Her søger du om tilskud til et høreapparat.\n\nDet er for dig, der er fyldt 18 år & bor i Danmark.",
                List.of("MitID.", "Dit CPR-nummer.", "En lægeerklæring, der højst er 3 måneder gammel.",
                        "Det tager cirka 15 minutter."),
                "Start ansøgning om tilskud", "Styrelsen for Patientsikkerhed (stps.dk)",
                "Ring til os på 70 20 00 00.\nVi har åbent kl. 8-16.\n\nDu kan også sende blanketten <B12> med posten.",
                "Du får en kvittering med det samme.\n\nVi behandler sagen inden for 4 uger. Svaret får du i Digital Post.",
                "Læs mere om høreapparater på sundhed.dk.", "Sundhedsloven § 72 og bekendtgørelse om høreapparater.",
                "Det er gratis.", "Søg senest 6 måneder efter, at du har fået høreapparatet.",
                new PlannedDowntime(Instant.parse("2027-03-01T21:00:00Z"), Instant.parse("2027-03-02T05:30:00Z"),
                        "Selvbetjeningen er lukket, mens vi opdaterer den. Prøv igen næste morgen."));
    }

    private DocxImport read(byte[] file) {
        return docx.read(new ByteArrayInputStream(file), file.length);
    }

    private Reason refusal(byte[] file) {
        try {
            read(file);
        } catch (DocxRejectedException e) {
            assertThat(e.getMessage()).as("Danish text of %s", e.reason()).isNotBlank().doesNotContain("docx.rejected");
            return e.reason();
        }
        throw new AssertionError("the file was read");
    }

    // The round trip

    @Test
    void aRichActionPageSurvivesExportAndImportUnchanged() {
        ActionPageContent page = aRichActionPage();

        DocxImport imported = read(docx.export(page));

        assertThat(imported.content()).isEqualTo(page);
        assertThat(imported.unplaced()).isEmpty();
    }

    @Test
    void theExportWritesTimesInDanishTimeAndEachItemAsABullet() throws IOException {
        byte[] file = docx.export(aRichActionPage());

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file))) {
            List<String> texts = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence("Fra", "01-03-2027 22:00", "Til", "02-03-2027 06:30", "Besked");
            assertThat(document.getParagraphs().stream().filter(p -> p.getNumID() != null)
                    .map(XWPFParagraph::getText)).containsExactly("MitID.", "Dit CPR-nummer.",
                    "En lægeerklæring, der højst er 3 måneder gammel.", "Det tager cirka 15 minutter.");
            assertThat(texts).contains("Ring til os på 70 20 00 00.\nVi har åbent kl. 8-16.",
                    "Du kan også sende blanketten <B12> med posten.");
        }
    }

    @Test
    void anActionPageWithoutOptionalElementsComesBackWithThemNull() {
        ActionPageContent page = new ActionPageContent("Meld flytning", "Her melder du flytning.",
                List.of("MitID."), null, null, "Gå på borgerservice.", "Du får svar i Digital Post.", null);

        assertThat(read(docx.export(page)).content()).isEqualTo(page);
    }

    // The blank template

    @Test
    void theBlankTemplateHasEveryHeadingInOrderWithAGreyItalicHelpLine() throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.template()))) {
            List<String> headings = document.getParagraphs().stream()
                    .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
                    .map(XWPFParagraph::getText).toList();
            assertThat(headings).containsExactly("Titel", "Manchet", "Før du går i gang", "Tekst på startknappen",
                    "Du fortsætter på", "Hvis du ikke kan bruge selvbetjeningen", "Hvad sker der bagefter",
                    "Mere information", "Regler og lovgivning", "Gebyrer", "Frister", "Planlagt nedetid", "Fra",
                    "Til", "Besked");
            assertThat(document.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(document.getParagraphs().stream().filter(p -> "Fra".equals(p.getText())).findFirst()
                    .orElseThrow().getStyle()).isEqualTo("Heading2");

            List<XWPFParagraph> help = document.getParagraphs().stream()
                    .filter(p -> "Vejledning".equals(p.getStyle())).toList();
            assertThat(help).hasSize(16);
            assertThat(help.get(2).getText())
                    .isEqualTo("En eller to sætninger: hvad kan borgeren gøre her, og hvem er det for?");
            XWPFStyle helpStyle = document.getStyles().getStyle("Vejledning");
            assertThat(helpStyle.getCTStyle().getRPr().getIArray()).hasSize(1);
            assertThat(helpStyle.getCTStyle().getRPr().getColorArray(0).xgetVal().getStringValue())
                    .isEqualToIgnoringCase("595959");
            assertThat(document.getProperties().getCoreProperties().getTitle()).isEqualTo("Handlingsside");
        }
    }

    @Test
    void theBlankTemplateReadsBackAsAnEmptyPageWithNothingUnplaced() {
        DocxImport imported = read(docx.template());

        assertThat(imported.content()).isEqualTo(
                new ActionPageContent(null, null, List.of(), null, null, null, null, null, null, null, null, null));
        assertThat(imported.unplaced()).isEmpty();
    }

    // Documents written by people

    @Test
    void textThatCannotBePlacedIsListedInDanishAndTheRestIsRead() {
        byte[] file = document(d -> {
            paragraph(d, null, "Kære redaktion, her er vores tekst.");
            paragraph(d, "Heading1", "Titel");
            paragraph(d, null, "Ansøg om parkeringstilladelse");
            paragraph(d, "Heading1", "Tidsplan");
            paragraph(d, null, "Vi går i luften i maj.");
            paragraph(d, "Heading1", "Manchet");
            paragraph(d, null, "Her søger du om en parkeringstilladelse.");
            paragraph(d, "Heading1", "Planlagt nedetid");
            paragraph(d, "Heading2", "Fra");
            paragraph(d, null, "næste tirsdag");
            paragraph(d, "Heading2", "Til");
            paragraph(d, null, "02-03-2027 06:00");
            paragraph(d, "Heading2", "Besked");
            paragraph(d, null, "Lukket for opdatering.");
        });

        DocxImport imported = read(file);

        assertThat(imported.content().title()).isEqualTo("Ansøg om parkeringstilladelse");
        assertThat(imported.content().intro()).isEqualTo("Her søger du om en parkeringstilladelse.");
        assertThat(imported.content().plannedDowntime()).isNull();
        assertThat(imported.unplaced()).containsExactly(
                "Tekst før første overskrift: Kære redaktion, her er vores tekst.",
                "Overskriften »Tidsplan« kender vi ikke, så teksten under den er ikke brugt.",
                "Under »Tidsplan«: Vi går i luften i maj.",
                "Fra: »næste tirsdag« er ikke en dato med klokkeslæt. Skriv fx 01-03-2027 22:00.",
                "Beskeden om planlagt nedetid er ikke brugt: Lukket for opdatering.");
    }

    @Test
    void headingsAreFoundByTextOrByADanishWordHeadingStyleAndDowntimeByLabelledLines() {
        byte[] file = document(d -> {
            paragraph(d, null, "TITEL:");
            paragraph(d, null, "Bestil sygesikringskort");
            paragraph(d, "Overskrift1", "Før du går i gang");
            paragraph(d, null, "MitID.");
            paragraph(d, null, "Dit pas, hvis du er ny i Danmark.");
            paragraph(d, null, "Planlagt nedetid");
            paragraph(d, null, "Fra: 1.3.2027 kl. 22.00");
            paragraph(d, null, "Til: 02-03-2027 06:00");
            paragraph(d, null, "Besked: Lukket om natten.");
        });

        DocxImport imported = read(file);

        assertThat(imported.unplaced()).isEmpty();
        assertThat(imported.content().title()).isEqualTo("Bestil sygesikringskort");
        assertThat(imported.content().beforeYouStart()).containsExactly("MitID.", "Dit pas, hvis du er ny i Danmark.");
        assertThat(imported.content().plannedDowntime()).isEqualTo(new PlannedDowntime(
                Instant.parse("2027-03-01T21:00:00Z"), Instant.parse("2027-03-02T05:00:00Z"), "Lukket om natten."));
    }

    /**
     * Paragraphs on which the reader's earlier patterns backtracked quadratically (minutes): a heading candidate of
     * 400,000 colons and full stops that do not end it, and a title line with a long run of spaces and no line break.
     */
    @Test
    void hostileParagraphsAreReadInLinearTime() {
        // mixed at random, so the document does not compress like a zip bomb
        String punctuation = mixed(":.", 400_000) + "x";
        String spaced = "Søg" + mixed(" \t", 300_000) + "om pas";
        byte[] file = document(d -> {
            paragraph(d, null, punctuation);
            paragraph(d, "Heading1", "Titel");
            paragraph(d, null, spaced);
        });

        DocxImport imported = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(file));

        assertThat(imported.content().title()).isEqualTo(spaced);
        assertThat(imported.unplaced()).hasSize(1).allSatisfy(text -> assertThat(text).endsWith(punctuation));
    }

    @Test
    void aTitleWithLineBreaksIsReadAsOneLine() {
        byte[] file = document(d -> {
            paragraph(d, "Heading1", "Titel");
            var run = d.createParagraph().createRun();
            run.setText("Søg om  ");
            run.addBreak();
            run.setText("  pas  til  ");
            run.addBreak();
            run.addBreak();
            run.setText("barnet");
        });

        assertThat(read(file).content().title()).isEqualTo("Søg om pas  til barnet");
    }

    @Test
    void anIncompleteOrBackwardsDowntimeIsNotUsedAndSaysWhy() {
        byte[] missing = document(d -> {
            paragraph(d, "Heading1", "Planlagt nedetid");
            paragraph(d, "Heading2", "Fra");
            paragraph(d, null, "01-03-2027 22:00");
        });
        byte[] backwards = document(d -> {
            paragraph(d, "Heading1", "Planlagt nedetid");
            paragraph(d, null, "Fra: 02-03-2027 06:00");
            paragraph(d, null, "Til: 01-03-2027 22:00");
            paragraph(d, null, "Besked: Lukket.");
        });

        assertThat(read(missing).unplaced()).containsExactly("Planlagt nedetid er ikke brugt, fordi Til og Besked mangler.");
        DocxImport imported = read(backwards);
        assertThat(imported.content().plannedDowntime()).isNull();
        assertThat(imported.unplaced()).containsExactly("Planlagt nedetid er ikke brugt, fordi Til ikke er efter Fra.",
                "Beskeden om planlagt nedetid er ikke brugt: Lukket.");
    }

    @Test
    void aDocumentWithAFourMegabytePhotoIsRead() {
        byte[] photo = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(photo);
        byte[] file = document(d -> {
            paragraph(d, "Heading1", "Titel");
            paragraph(d, null, "Søg om pas");
            try {
                d.createParagraph().createRun().addPicture(new ByteArrayInputStream(photo), PictureType.PNG,
                        "foto.png", Units.toEMU(100), Units.toEMU(100));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(file.length).isLessThan((int) ActionPageDocx.MAX_BYTES);

        assertThat(read(file).content().title()).isEqualTo("Søg om pas");
    }

    // Files that are refused

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refusal(new byte[0])).isEqualTo(Reason.EMPTY);
    }

    @Test
    void filesThatAreNoWordDocumentAreRefused() {
        assertThat(refusal("Titel\nSøg om pas".getBytes(StandardCharsets.UTF_8))).isEqualTo(Reason.NOT_DOCX);
        assertThat(refusal("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Reason.NOT_DOCX);
        assertThat(refusal("{\\rtf1\\ansi Titel}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Reason.NOT_DOCX);
        Map<String, byte[]> spreadsheet = new LinkedHashMap<>();
        spreadsheet.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        spreadsheet.put("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(zip(spreadsheet))).isEqualTo(Reason.NOT_DOCX);
    }

    @Test
    void anOldDocFileIsRefusedAsNotADocx() throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        try (POIFSFileSystem ole2 = new POIFSFileSystem()) {
            ole2.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            ole2.writeFilesystem(doc);
        }

        assertThat(refusal(doc.toByteArray())).isEqualTo(Reason.OLD_OR_PROTECTED);
    }

    @Test
    void aPasswordProtectedDocxIsRefusedAsNotADocx() throws Exception {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem ole2 = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("hemmelig");
            try (OutputStream out = encryptor.getDataStream(ole2)) {
                out.write(docx.export(aRichActionPage()));
            }
            ole2.writeFilesystem(encrypted);
        }

        assertThat(refusal(encrypted.toByteArray())).isEqualTo(Reason.OLD_OR_PROTECTED);
    }

    @Test
    void aFileLargerThanFiveMegabytesIsRefusedBeforeItIsRead() {
        AtomicLong taken = new AtomicLong();
        InputStream endless = endless(taken);

        assertThatThrownBy(() -> docx.read(endless, ActionPageDocx.MAX_BYTES + 1))
                .isInstanceOfSatisfying(DocxRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("Filen er større end 5 MB. Fjern billeder fra dokumentet, og prøv igen.");
                });
        assertThat(taken).hasValue(0);
    }

    @Test
    void aFileThatIsLargerThanItsStatedOrUnknownSizeIsReadNoFurtherThanTheLimit() {
        for (long stated : new long[] {1000, -1}) {
            AtomicLong taken = new AtomicLong();
            assertThatThrownBy(() -> docx.read(endless(taken), stated))
                    .isInstanceOfSatisfying(DocxRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
            assertThat(taken.get()).isEqualTo(ActionPageDocx.MAX_BYTES + 1);
        }
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        byte[] bomb = docxWithLargeEntry("word/document.xml", 200L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(refusal(bomb)).isEqualTo(Reason.UNSAFE);
    }

    @Test
    void aSmallButHighlyCompressedEntryIsRefused() throws IOException {
        assertThat(refusal(docxWithLargeEntry("word/media/image1.png", 3L * 1024 * 1024))).isEqualTo(Reason.UNSAFE);
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() {
        Map<String, byte[]> entries = entries(docx.template());
        for (int i = 0; i < DocxPackageCheck.MAX_ENTRIES; i++) {
            entries.put("word/media/image" + i + ".png", new byte[] {(byte) i});
        }

        assertThat(refusal(zip(entries))).isEqualTo(Reason.UNSAFE);
    }

    @Test
    void aDamagedZipIsRefused() {
        byte[] template = docx.template();
        byte[] damaged = new byte[template.length / 2];
        System.arraycopy(template, 0, damaged, 0, 4);
        for (int i = 4; i < damaged.length; i++) {
            damaged[i] = (byte) (i * 31);
        }

        assertThat(refusal(damaged)).isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void anExternalEntityInTheDocumentIsNeverResolved(@TempDir Path directory) throws IOException {
        Path secret = directory.resolve("hemmelig.txt");
        Files.writeString(secret, "HEMMELIGT-INDHOLD");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            String xml = documentXml(docx.export(aRichActionPage()));
            String hostile = xml.replaceFirst("\\?>", "?><!DOCTYPE w:document [<!ENTITY secret SYSTEM \""
                    + secret.toUri() + "\"><!ENTITY remote SYSTEM \"http://127.0.0.1:" + listener.getLocalPort()
                    + "/x\">]>").replace("Søg om tilskud til høreapparat", "&secret;&remote;");
            byte[] file = withEntry(docx.export(aRichActionPage()), "word/document.xml",
                    hostile.getBytes(StandardCharsets.UTF_8));

            try {
                DocxImport imported = read(file);
                assertThat(imported.content().title()).doesNotContain("HEMMELIGT");
                assertThat(imported.unplaced()).noneMatch(text -> text.contains("HEMMELIGT"));
            } catch (DocxRejectedException e) {
                assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
            }
            assertThatThrownBy(listener::accept).as("no request to the entity's URL")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void whenTooManyFilesAreReadAtOnceTheNextIsToldToTryAgain() {
        ActionPageDocx busy = new ActionPageDocx(DocxFiles.messages(), 0, Duration.ZERO);
        byte[] template = docx.template();

        assertThatThrownBy(() -> busy.read(new ByteArrayInputStream(template), template.length))
                .isInstanceOfSatisfying(DocxRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BUSY);
                    assertThat(e.getMessage()).isEqualTo("Vi læser mange filer lige nu. Prøv igen om lidt.");
                });
    }

    private static String mixed(String characters, int length) {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(characters.charAt(random.nextInt(characters.length())));
        }
        return text.toString();
    }

    private static void paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
    }

    /** The template with {@code name} replaced by {@code size} zero bytes, which deflate to almost nothing. */
    private byte[] docxWithLargeEntry(String name, long size) throws IOException {
        Map<String, byte[]> entries = entries(docx.template());
        entries.remove(name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A stream that never ends, counting what is taken from it. */
    private static InputStream endless(AtomicLong taken) {
        return new InputStream() {
            @Override
            public int read() {
                taken.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                taken.addAndGet(len);
                return len;
            }
        };
    }
}
