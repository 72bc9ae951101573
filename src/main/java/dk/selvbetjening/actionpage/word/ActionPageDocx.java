package dk.selvbetjening.actionpage.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.word.DocxRejectedException.Reason;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The action page as a Word template (.docx), the way authorities have written it until now: a blank template, the
 * same filled in with a page's text, and reading a filled-in one back.
 *
 * <p>Sections follow {@link ActionPageContent}: one heading per element (Danish, from {@code i18n/docx.properties})
 * with a grey help line under it. Text fields with several paragraphs are written as Word paragraphs and read back
 * joined by a blank line ("\n\n"); a line break inside a paragraph stays a "\n". "Før du går i gang" is one bullet
 * per item. Times of a planned downtime are written and read as Danish local time to the minute, "dd-MM-yyyy HH:mm"
 * (Europe/Copenhagen). So {@code read(export(c)).content()} equals {@code c} when c's texts are stripped paragraphs
 * separated by exactly one blank line, its blank fields are null, and its times are whole minutes outside the hour
 * that repeats when summer time ends.
 *
 * <p>A file is refused ({@link DocxRejectedException}) before any parsing when it is larger than {@link #MAX_BYTES}
 * (by its stated size or by reading at most one byte more), is not a zip (an old .doc, a password-protected .docx, a
 * PDF) or a zip without {@code word/document.xml}, or unpacks to too much (see {@link DocxPackageCheck}); POI then
 * parses it with DOCTYPE declarations disallowed, so no external entity is ever resolved.
 */
@Service
public class ActionPageDocx {

    /** The largest file read: 5 MB. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** The largest upload of a file: the file and the multipart envelope around it. */
    public static final long MAX_UPLOAD_BYTES = MAX_BYTES + 64 * 1024;
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** How many files are parsed at once (each may take tens of megabytes while parsed), and how long to wait. */
    static final int CONCURRENT_READS = 4;
    static final Duration WAIT_FOR_TURN = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ActionPageDocx.class);

    private final DocxTexts texts;
    private final Semaphore turns;
    private final Duration waitForTurn;

    @Autowired
    ActionPageDocx(MessageSource messages) {
        this(messages, CONCURRENT_READS, WAIT_FOR_TURN);
    }

    ActionPageDocx(MessageSource messages, int concurrentReads, Duration waitForTurn) {
        this.texts = new DocxTexts(messages);
        this.turns = new Semaphore(concurrentReads, true);
        this.waitForTurn = waitForTurn;
    }

    /** The blank template: every heading with its help line and room to write. */
    public byte[] template() {
        return export(new ActionPageContent(null, null, null, null, null, null, null, null, null, null, null, null));
    }

    /** The template filled in with {@code content}. */
    public byte[] export(ActionPageContent content) {
        return new DocxWriter(texts).write(content);
    }

    /**
     * Reads a filled-in template. {@code size} is the size the caller was told (-1 when unknown); at most
     * {@link #MAX_BYTES} + 1 bytes are read whatever it says.
     *
     * @throws DocxRejectedException when the file is refused; nothing of it is kept
     */
    public DocxImport read(InputStream in, long size) {
        if (size > MAX_BYTES) {
            throw rejected(Reason.TOO_LARGE);
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw rejected(Reason.UNREADABLE);
        }
        if (bytes.length > MAX_BYTES) {
            throw rejected(Reason.TOO_LARGE);
        }
        if (!takeTurn()) {
            throw rejected(Reason.BUSY);
        }
        try {
            Reason refused = DocxPackageCheck.check(bytes);
            if (refused != null) {
                throw rejected(refused);
            }
            return parse(bytes);
        } finally {
            turns.release();
        }
    }

    private DocxImport parse(byte[] bytes) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return new DocxReader(texts).read(document);
        } catch (IOException | RuntimeException e) {
            // POI refuses a damaged part, a DOCTYPE or an unknown content type with many kinds of exception
            log.info("A .docx could not be read: {}", e.toString());
            throw rejected(Reason.UNREADABLE);
        }
    }

    private boolean takeTurn() {
        try {
            return turns.tryAcquire(waitForTurn.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private DocxRejectedException rejected(Reason reason) {
        return new DocxRejectedException(reason,
                texts.text(reason.messageKey(), reason.arguments()));
    }
}
