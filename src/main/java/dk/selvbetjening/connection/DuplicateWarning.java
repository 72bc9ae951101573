package dk.selvbetjening.connection;

/**
 * For editors: the request's URL is already a self-service's ({@code serviceSlug}, {@code serviceTitle};
 * {@code servicePublished} whether citizens see it) or another open request's ({@code requestReference}). Anyone else
 * sees {@link PublicDuplicate}.
 */
public record DuplicateWarning(String url, String serviceSlug, String serviceTitle, boolean servicePublished,
        String requestReference) {
}
