package dk.selvbetjening.compliance.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dk.selvbetjening.shared.DanishTime;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A year's readiness sign-off as CSV for Danish Excel: UTF-8 with a byte order mark, semicolons, CRLF. One row per
 * mandatory solution; text a spreadsheet would run as a formula is neutralised.
 */
@Component
public class SignOffCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    static final List<String> HEADER = List.of("År", "Myndighed", "Bølge", "Selvbetjening", "Adresse", "Status",
            "Klarmeldt af", "Klarmeldt den", "Dispensation til og med", "Mangler");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final MessageSource messages;

    SignOffCsv(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] write(SignOffReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setQuote('"').setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord(HEADER);
            for (SignOffRow row : report.rows()) {
                printer.printRecord(
                        Integer.toString(report.year()),
                        text(row.authorityName()),
                        Integer.toString(row.wave()),
                        text(row.service().title()),
                        text(row.service().slug()),
                        messages.getMessage("compliance.signOffState." + row.state(), null, DANISH),
                        row.signOff() == null ? "" : text(row.signOff().signedBy()),
                        row.signOff() == null ? "" : DATE.format(row.signOff().signedAt().atZone(DanishTime.ZONE)),
                        row.exemption() == null ? "" : DATE.format(row.exemption().validUntil()),
                        text(String.join(" | ", row.missing())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A cell starting with =, +, - or @ would be run by a spreadsheet: a leading apostrophe keeps it text. */
    static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
