package dk.selvbetjening.actionpage.word;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dk.selvbetjening.actionpage.word.DocxRejectedException.Reason;

/**
 * Looks at a file's bytes before any Word parser does: the magic bytes, then every zip entry inflated and counted
 * (never trusting the sizes the zip states), so a zip bomb is refused after at most a few megabytes of work.
 */
final class DocxPackageCheck {

    /** At most this many entries; Word writes about a dozen. */
    static final int MAX_ENTRIES = 1000;
    /** An XML part (document, styles …) unpacks to at most this; an action page's document.xml is well under 1 MB. */
    static final long MAX_XML_ENTRY_BYTES = 10L * 1024 * 1024;
    /** Any other part (an image) unpacks to at most this. */
    static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    /** All parts together unpack to at most this. */
    static final long MAX_TOTAL_BYTES = 40L * 1024 * 1024;
    /** An entry over {@link #RATIO_FLOOR_BYTES} may unpack to at most this many times its packed size (as POI's 1 %). */
    static final int MAX_RATIO = 100;
    static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private DocxPackageCheck() {
    }

    /** The reason to refuse {@code bytes}, or null when they are a zip that is safe to hand to POI. */
    static Reason check(byte[] bytes) {
        if (bytes.length == 0) {
            return Reason.EMPTY;
        }
        if (startsWith(bytes, OLE2)) {
            return Reason.OLD_OR_PROTECTED;
        }
        if (!startsWith(bytes, ZIP)) {
            return Reason.NOT_DOCX;
        }
        CountingInputStream packed = new CountingInputStream(new ByteArrayInputStream(bytes));
        boolean document = false;
        boolean contentTypes = false;
        Set<String> names = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(packed)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (names.size() >= MAX_ENTRIES) {
                    return Reason.UNSAFE;
                }
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (!names.add(name)) {
                    return Reason.UNREADABLE;
                }
                document |= name.equals("word/document.xml");
                contentTypes |= name.equals("[content_types].xml");
                long limit = name.endsWith(".xml") || name.endsWith(".rels") ? MAX_XML_ENTRY_BYTES : MAX_ENTRY_BYTES;
                long packedAtStart = packed.count();
                long size = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (size > limit || total > MAX_TOTAL_BYTES) {
                        return Reason.UNSAFE;
                    }
                    if (size > RATIO_FLOOR_BYTES && size > MAX_RATIO * Math.max(1, packed.count() - packedAtStart)) {
                        return Reason.UNSAFE;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Reason.UNREADABLE;
        }
        if (names.isEmpty() || !document || !contentTypes) {
            return Reason.NOT_DOCX;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Counts the packed bytes the zip reader has taken. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
