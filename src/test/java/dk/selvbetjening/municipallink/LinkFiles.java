package dk.selvbetjening.municipallink;

import java.nio.charset.StandardCharsets;

/** CSV files for import tests, as Excel saves them (UTF-8 with BOM, semicolons, CRLF). */
public final class LinkFiles {

    public static final String MINIMAL_HEADER = "Kommunekode;Selvbetjening;Ny URL";

    private LinkFiles() {
    }

    /** A file with the three columns an import reads and these rows ("101;slug;https://…"). */
    public static byte[] csv(String... rows) {
        return withHeader(MINIMAL_HEADER, rows);
    }

    public static byte[] withHeader(String header, String... rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(header).append("\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Fills "Ny URL" (the last column) in the first row of an exported file whose line contains {@code marker}. */
    public static byte[] fillNewUrl(byte[] exported, String marker, String newUrl) {
        String text = new String(exported, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                lines[i] = lines[i] + newUrl;
                return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("No line with " + marker);
    }
}
