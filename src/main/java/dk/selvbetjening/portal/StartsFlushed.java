package dk.selvbetjening.portal;

/** Buffered start counts were written to the database (the front page's "most used" may change). */
record StartsFlushed(long starts) {
}
