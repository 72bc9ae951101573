package dk.selvbetjening.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The file format Danish Excel reads and writes: BOM, semicolons, CRLF, RFC 4180 quoting, line numbers. */
class ExcelCsvTests {

    @Test
    void writesUtf8WithBomSemicolonsCrlfAndQuotesOnlyWhereNeeded() {
        byte[] file = ExcelCsv.write(List.of("Kommunekode", "Titel", "URL"), List.of(
                List.of("101", "Pasning; vuggestue \"og\" børnehave", "https://www.kk.dk/a"),
                List.of("147", "To\nlinjer", "")));
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "Kommunekode;Titel;URL\r\n"
                        + "101;\"Pasning; vuggestue \"\"og\"\" børnehave\";https://www.kk.dk/a\r\n"
                        + "147;\"To\nlinjer\";\r\n");
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(ExcelCsv.text("=HYPERLINK(\"https://ondt.example\")")).isEqualTo("'=HYPERLINK(\"https://ondt.example\")");
        assertThat(ExcelCsv.text("+45 70 10 10 10")).isEqualTo("'+45 70 10 10 10");
        assertThat(ExcelCsv.text("-1")).isEqualTo("'-1");
        assertThat(ExcelCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExcelCsv.text("https://www.kk.dk")).isEqualTo("https://www.kk.dk");
        assertThat(ExcelCsv.text(null)).isEmpty();
    }

    @Test
    void readsWhatItWritesWithTheLineEachRecordStartsOn() throws Exception {
        byte[] file = ExcelCsv.write(List.of("Kommunekode", "Titel", "Ny URL"), List.of(
                List.of("101", "En", "https://a.dk"),
                List.of("147", "To\r\nlinjer", "https://b.dk"),
                List.of("151", "Tre", "")));
        ExcelCsv.Parsed parsed = ExcelCsv.parse(ExcelCsv.decode(file));
        assertThat(parsed.has("ny url")).isTrue();
        assertThat(parsed.has("Kommunekode")).isTrue();
        assertThat(parsed.lines()).extracting(ExcelCsv.Line::number).containsExactly(2L, 3L, 5L);
        assertThat(parsed.lines().get(1).get(parsed, "Ny URL")).isEqualTo("https://b.dk");
        assertThat(parsed.lines().get(1).get(parsed, "Titel")).isEqualTo("To\r\nlinjer");
    }

    @Test
    void readsWhatExcelSavesAsWindows1252AndCommaSeparatedFiles() throws Exception {
        byte[] ansi = "Kommunekode;Kommune;Ny URL\r\n851;Aalborg – Nørresundby;\r\n".getBytes(Charset.forName("windows-1252"));
        ExcelCsv.Parsed parsed = ExcelCsv.parse(ExcelCsv.decode(ansi));
        assertThat(parsed.lines().get(0).get(parsed, "Kommune")).isEqualTo("Aalborg – Nørresundby");

        ExcelCsv.Parsed commas = ExcelCsv.parse("Kommunekode,Ny URL\n101,https://a.dk\n");
        assertThat(commas.lines().get(0).get(commas, "Ny URL")).isEqualTo("https://a.dk");
        assertThat(commas.lines().get(0).number()).isEqualTo(2);
    }

    @Test
    void aShortRecordReadsAsEmptyInTheMissingColumns() throws Exception {
        ExcelCsv.Parsed parsed = ExcelCsv.parse("Kommunekode;Selvbetjening;Ny URL\r\n101\r\n");
        assertThat(parsed.lines().get(0).get(parsed, "Ny URL")).isEmpty();
    }

    @Test
    void namesTheLineWhereTheFileStopsBeingCsv() {
        assertThatThrownBy(() -> ExcelCsv.parse("A;B\r\n1;2\r\n\"ikke lukket;3\r\n4;5\r\n"))
                .isInstanceOfSatisfying(ExcelCsv.SyntaxError.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> ExcelCsv.parse("A;B\r\n1;2\r\n3;4\r\n\"ab\"c;d\r\n"))
                .isInstanceOfSatisfying(ExcelCsv.SyntaxError.class, e -> assertThat(e.line()).isEqualTo(4));
    }
}
