package dk.selvbetjening.portal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A citizen page as rendered once for a catalogue generation: its HTML, the same HTML gzip-compressed once (so a
 * browser's request costs no compression), and an entity tag per encoding. The tag is a digest of the HTML, so it
 * names the bytes themselves: the same on every node and after a restart, and unchanged by a new generation that left
 * this page as it was (ADR 0024). Holds nothing personal; never changed once built (the arrays are not handed to
 * anyone who writes to them).
 *
 * @param plain the HTML, UTF-8
 * @param gzip the HTML gzip-compressed (best compression, no name, no time: the same bytes for the same HTML)
 * @param plainTag the quoted strong entity tag of {@code plain}
 * @param gzipTag the quoted strong entity tag of {@code gzip}
 * @param encodedPlainTag {@code plainTag} as the header value's bytes
 * @param encodedGzipTag {@code gzipTag} as the header value's bytes
 */
record RenderedPage(byte[] plain, byte[] gzip, String plainTag, String gzipTag, byte[] encodedPlainTag,
        byte[] encodedGzipTag) {

    /** The digest's first bytes that go into the tag: 120 bits, 20 characters. */
    private static final int TAG_BYTES = 15;

    static RenderedPage of(byte[] html) {
        String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256(html), TAG_BYTES));
        String plainTag = '"' + digest + '"';
        String gzipTag = '"' + digest + "-gzip\"";
        return new RenderedPage(html, gzip(html), plainTag, gzipTag, plainTag.getBytes(StandardCharsets.US_ASCII),
                gzipTag.getBytes(StandardCharsets.US_ASCII));
    }

    /** The bytes to send, compressed or not. */
    byte[] body(boolean compressed) {
        return compressed ? gzip : plain;
    }

    /** The entity tag of the bytes {@link #body} gives. */
    String tag(boolean compressed) {
        return compressed ? gzipTag : plainTag;
    }

    /** {@link #tag} as the header value's bytes. */
    byte[] encodedTag(boolean compressed) {
        return compressed ? encodedGzipTag : encodedPlainTag;
    }

    private static byte[] gzip(byte[] html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(html.length / 3 + 64);
        try (GZIPOutputStream gzip = new BestGzipOutputStream(out)) {
            gzip.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** GZIPOutputStream at the best compression: paid once per page and generation, saved on every response. */
    private static final class BestGzipOutputStream extends GZIPOutputStream {

        BestGzipOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
