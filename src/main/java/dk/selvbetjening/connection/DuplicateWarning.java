package dk.selvbetjening.connection;

/**
 * The request's URL is already in the catalogue ({@code serviceSlug}, {@code serviceTitle}) or in another open
 * request ({@code requestReference}).
 */
public record DuplicateWarning(String url, String serviceSlug, String serviceTitle, String requestReference) {
}
