package dk.selvbetjening.linkcheck;

/**
 * The validators of a good answer ({@code ETag}, {@code Last-Modified}) and the URL that gave them, sent back as
 * {@code If-None-Match} / {@code If-Modified-Since} when that URL is checked again: a 304 (or a HEAD answer with the
 * same validators) means the page is unchanged since it was last found good.
 */
record Validators(String url, String etag, String lastModified) {

    static final int ETAG_MAX = 500;
    static final int LAST_MODIFIED_MAX = 100;

    /** The validators to keep; null when there are none usable (or too long to store). */
    static Validators of(String url, String etag, String lastModified) {
        String e = etag == null || etag.isBlank() || etag.length() > ETAG_MAX ? null : etag.strip();
        String m = lastModified == null || lastModified.isBlank() || lastModified.length() > LAST_MODIFIED_MAX ? null
                : lastModified.strip();
        if (url == null || url.length() > LinkUrl.MAX_LENGTH || (e == null && m == null)) {
            return null;
        }
        return new Validators(url, e, m);
    }

    /** Whether an answer carrying {@code etag} and {@code lastModified} has the same validators as this. */
    boolean sameAs(String etag, String lastModified) {
        boolean anyCompared = false;
        if (this.etag != null && etag != null) {
            if (!weak(this.etag).equals(weak(etag))) {
                return false;
            }
            anyCompared = true;
        }
        if (this.lastModified != null && lastModified != null) {
            if (!this.lastModified.equals(lastModified.strip())) {
                return false;
            }
            anyCompared = true;
        }
        return anyCompared;
    }

    /** Weak comparison (RFC 9110 8.8.3.2): {@code W/"x"} and {@code "x"} match, as a HEAD answer may differ so. */
    private static String weak(String etag) {
        String e = etag.strip();
        return e.startsWith("W/") ? e.substring(2) : e;
    }
}
