package dk.selvbetjening.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as Danish Excel writes and reads it: UTF-8 with a byte order mark, semicolons, CRLF, fields quoted per
 * RFC 4180 where needed. Reading also takes what Excel's "CSV (semikolonsepareret)" saves (Windows-1252, no BOM)
 * and comma-separated files, and knows each record's line number, the header being line 1. Used by every CSV
 * import and export (municipal links, authorities).
 */
public final class ExcelCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ExcelCsv() {
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.Builder.create()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .setIgnoreEmptyLines(true)
                .get();
    }

    /** The file: BOM, header and rows. Text cells a spreadsheet would run as a formula are neutralised. */
    public static byte[] write(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.size() * 160);
        bytes.writeBytes(BOM);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format(';'))) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (String cell : row) {
                    cells.add(text(cell));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A cell as text. Excel runs a cell that starts with =, +, -, @, tab or CR as a formula (CSV injection); such a
     * cell gets a leading apostrophe, which Excel shows as text. Only free text (names, titles) can start so: codes,
     * slugs and https URLs never do, so the columns an import reads are never changed.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** The value {@link #text} wrote: a leading apostrophe before =, +, -, @, tab or CR is dropped again. */
    public static String untext(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'') {
            char second = cell.charAt(1);
            if (second == '=' || second == '+' || second == '-' || second == '@' || second == '\t' || second == '\r') {
                return cell.substring(1);
            }
        }
        return cell;
    }

    /** The text of an uploaded file: UTF-8 (with or without BOM), else Windows-1252. */
    public static String decode(byte[] content) {
        if (content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2]) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1252);
        }
    }

    /** A parsed file: the header's columns by their lower-case name, and the data records with line numbers. */
    public record Parsed(Map<String, Integer> columns, List<Line> lines) {

        public boolean has(String column) {
            return columns.containsKey(key(column));
        }
    }

    /** One data record and the line of the file it starts on. */
    public record Line(long number, List<String> values) {

        /** The value in {@code column} (stripped), or "" where the record is too short for it. */
        public String get(Parsed file, String column) {
            Integer index = file.columns().get(key(column));
            return index == null || index >= values.size() ? "" : values.get(index).strip();
        }

        public boolean isBlank() {
            return values.stream().allMatch(String::isBlank);
        }
    }

    /** A file that is not CSV: an unterminated quote or text after a closing quote, at {@code line}. */
    public static final class SyntaxError extends Exception {

        private final long line;

        SyntaxError(long line, Throwable cause) {
            super("CSV syntax error at line " + line, cause);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    public static Parsed parse(String text) throws SyntaxError {
        char delimiter = delimiter(text);
        Map<String, Integer> columns = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        long lineReached = 1;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format(delimiter)).get()) {
            boolean header = true;
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                long endLine = parser.getCurrentLineNumber();
                long startLine = endLine - lineBreaks(values);
                lineReached = endLine + 1;
                if (header) {
                    for (int i = 0; i < values.size(); i++) {
                        columns.putIfAbsent(key(values.get(i)), i);
                    }
                    header = false;
                } else {
                    lines.add(new Line(startLine, values));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new SyntaxError(lineOf(e, lineReached), e);
        } catch (IOException e) {
            throw new SyntaxError(lineReached, e);
        }
        return new Parsed(columns, lines);
    }

    private static long lineOf(RuntimeException e, long fallback) {
        Throwable cause = e.getCause();
        if (cause instanceof CSVException csv && csv.getMessage() != null) {
            var matcher = java.util.regex.Pattern.compile("(?:startline|line:) (\\d+)").matcher(csv.getMessage());
            if (matcher.find()) {
                return Long.parseLong(matcher.group(1));
            }
        }
        return fallback;
    }

    /** The header's separator: a semicolon unless the first line has commas (or tabs) and no semicolons. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(';') >= 0) {
            return ';';
        }
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        return first.indexOf(',') >= 0 ? ',' : ';';
    }

    private static long lineBreaks(List<String> values) {
        long breaks = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static String key(String column) {
        return column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
