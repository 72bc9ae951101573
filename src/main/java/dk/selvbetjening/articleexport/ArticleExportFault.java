package dk.selvbetjening.articleexport;

/**
 * A request the service refuses, answered as a SOAP 1.1 Client fault ({@link ArticleExportFaultResolver}). The
 * text is the message {@code key} in {@code i18n/articleexport.properties}: English word for word where existing
 * clients parse it ({@link #compatible}), Danish otherwise.
 */
class ArticleExportFault extends RuntimeException {

    private final String key;
    private final boolean english;
    private final transient Object[] arguments;

    private ArticleExportFault(String key, boolean english, Object... arguments) {
        super(key, null, false, false);
        this.key = key;
        this.english = english;
        // as written, never as a formatted number ("9.999" in Danish)
        this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toArray();
    }

    /** A fault whose English text clients already parse. */
    static ArticleExportFault compatible(String key, Object... arguments) {
        return new ArticleExportFault(key, true, arguments);
    }

    /** A fault with a Danish text for people. */
    static ArticleExportFault danish(String key, Object... arguments) {
        return new ArticleExportFault(key, false, arguments);
    }

    String key() {
        return key;
    }

    boolean english() {
        return english;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
