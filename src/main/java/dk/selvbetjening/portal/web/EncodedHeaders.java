package dk.selvbetjening.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Response headers as the bytes Tomcat writes, encoded once: the citizen fast paths in Tomcat's engine
 * ({@link CachedCitizenPageValve}, {@link StartRedirectValve}) hand them to Tomcat's header list as bytes, where a
 * header set as a string is encoded again on every response (a new charset encoder each time) and
 * {@code setHeader} first looks through the headers already set. The names and values are the strings the normal
 * way sets ({@code CachedCitizenPageValveTests} compares both ways' headers byte for byte).
 */
final class EncodedHeaders {

    private static final byte[] DATE = ascii("Date");
    private static volatile EncodedDate date = new EncodedDate("", new byte[0]);

    /** Names and values, alternately. */
    private final byte[][] lines;

    private EncodedHeaders(byte[][] lines) {
        this.lines = lines;
    }

    /** The headers given as name and value, in this order; all ASCII (they are constants). */
    static EncodedHeaders of(List<Map.Entry<String, String>> headers) {
        byte[][] lines = new byte[headers.size() * 2][];
        for (int i = 0; i < headers.size(); i++) {
            lines[2 * i] = required(headers.get(i).getKey());
            lines[2 * i + 1] = required(headers.get(i).getValue());
        }
        return new EncodedHeaders(lines);
    }

    /** The headers given as name, value, name, value... */
    static EncodedHeaders of(String... namesAndValues) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(headers);
    }

    /** Adds these headers after those already in {@code mime}. */
    void addTo(MimeHeaders mime) {
        for (int i = 0; i < lines.length; i += 2) {
            add(mime, lines[i], lines[i + 1]);
        }
    }

    /** The headers as name and value strings, in order. */
    List<Map.Entry<String, String>> asList() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            list.add(Map.entry(new String(lines[i], StandardCharsets.US_ASCII),
                    new String(lines[i + 1], StandardCharsets.US_ASCII)));
        }
        return list;
    }

    static void add(MimeHeaders mime, byte[] name, byte[] value) {
        mime.addValue(name, 0, name.length).setBytes(value, 0, value.length);
    }

    /**
     * Adds the {@code Date} header Tomcat would add when committing (its text of the current second, {@link
     * FastHttpDateFormat}), as bytes encoded once per second; Tomcat adds none when one is there.
     */
    static void addDate(MimeHeaders mime) {
        String now = FastHttpDateFormat.getCurrentDate();
        EncodedDate current = date;
        if (!current.text().equals(now)) {
            current = new EncodedDate(now, now.getBytes(StandardCharsets.US_ASCII));
            date = current;
        }
        add(mime, DATE, current.bytes());
    }

    private record EncodedDate(String text, byte[] bytes) {
    }

    /** The text's bytes when it is all ASCII (a header's bytes are then the same in every encoding), else null. */
    static byte[] ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] required(String text) {
        byte[] bytes = ascii(text);
        if (bytes == null) {
            throw new IllegalArgumentException("not ASCII: " + text);
        }
        return bytes;
    }
}
