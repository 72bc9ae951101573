package dk.selvbetjening.actionpage.word;

/**
 * A file {@link ActionPageDocx#read} refuses to read, with the reason and the Danish text to show the author.
 * Nothing of a refused file is kept.
 */
public class DocxRejectedException extends RuntimeException {

    /** Why a file was refused; {@link #messageKey()} names its Danish text in {@code i18n/docx.properties}. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** Larger than {@link ActionPageDocx#MAX_BYTES}, by its stated size or by what was read. */
        TOO_LARGE,
        /** Not a zip with a Word document in it: a PDF, an RTF, a spreadsheet, anything else. */
        NOT_DOCX,
        /** An OLE2 file: an old .doc, or a .docx protected with a password (encrypted OOXML is OLE2). */
        OLD_OR_PROTECTED,
        /** A zip that unpacks to too much, too many entries or at a suspicious ratio (a zip bomb). */
        UNSAFE,
        /** A damaged zip or document, or XML that is refused (such as a DOCTYPE). */
        UNREADABLE,
        /** Too many files being read at once; try again later. */
        BUSY;

        public String messageKey() {
            return "docx.rejected." + name();
        }

        /** The arguments of {@link #messageKey()}: the size limit in MB for {@link #TOO_LARGE}. */
        public Object[] arguments() {
            return this == TOO_LARGE ? new Object[] {ActionPageDocx.MAX_BYTES / (1024 * 1024)} : new Object[0];
        }
    }

    private final Reason reason;

    DocxRejectedException(Reason reason, String danishText) {
        super(danishText);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey();
    }

    public Object[] arguments() {
        return reason.arguments();
    }
}
