package dk.selvbetjening.usage;

/**
 * Buffered start counts were written to the database (the portal's "most used" may change). Published after the
 * write commits.
 *
 * @param starts how many starts were written
 */
public record StartsFlushed(long starts) {
}
