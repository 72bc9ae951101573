package dk.selvbetjening.connection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 (hex) of a submission's canonical form: every field in the record's order, each value with its length,
 * map entries by key. The same content sent again, whatever the order of the JSON keys or the spacing, has the same
 * hash; any other content has another.
 */
final class SubmissionFingerprint {

    private SubmissionFingerprint() {
    }

    static String of(Submission submission) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, submission);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof Record record) {
            out.append('{');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                append(out, read(component, record));
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            items.forEach(item -> append(out, item));
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('<');
            new TreeMap<>(map).forEach((key, entry) -> {
                append(out, key);
                append(out, entry);
            });
            out.append('>');
        } else {
            String text = value.toString();
            out.append(text.length()).append(':').append(text);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
