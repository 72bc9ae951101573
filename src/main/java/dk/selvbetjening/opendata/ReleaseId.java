package dk.selvbetjening.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An id of the application's code, the same on every node that runs the same build and another after any change to
 * it, so a new release's answers never carry an older release's ETag (ADR 0031). From a jar (the fat jar, nested
 * {@code jar:nested:/app.jar/!BOOT-INF/classes/!/}, or an extracted application jar): a checksum over its entries'
 * names and CRCs, read from the jar's directory without unpacking anything. From a folder of classes (tests, a
 * development run): over the files' names, sizes and times. Where neither can be read, a random id of this process.
 */
final class ReleaseId {

    private ReleaseId() {
    }

    static String of(Class<?> type) {
        CRC32 crc = new CRC32();
        try {
            URL location = type.getProtectionDomain().getCodeSource().getLocation();
            String text = location.toString();
            if (text.startsWith("jar:nested:")) {
                int end = text.indexOf("/!");
                jar(Path.of(text.substring("jar:nested:".length(), end < 0 ? text.length() : end)), crc);
            } else {
                Path path = Path.of(location.toURI());
                if (Files.isDirectory(path)) {
                    folder(path, crc);
                } else {
                    jar(path, crc);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // correct, only not shared: this process's answers carry a tag of their own
            return "p" + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        }
        return Long.toString(crc.getValue(), 36);
    }

    private static void jar(Path jar, CRC32 crc) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                crc.update((entry.getName() + ":" + entry.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void folder(Path folder, CRC32 crc) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                try {
                    crc.update((folder.relativize(file) + ":" + Files.size(file) + ":"
                            + Files.getLastModifiedTime(file).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
