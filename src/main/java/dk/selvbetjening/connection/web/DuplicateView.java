package dk.selvbetjening.connection.web;

/**
 * A duplicate warning as a page shows it: a self-service with the same address ({@code serviceSlug} and
 * {@code serviceTitle}; {@code published} says whether its action page can be linked to), or another open
 * request ({@code requestReference}).
 */
public record DuplicateView(String url, String serviceSlug, String serviceTitle, boolean published,
        String requestReference) {

    public boolean isService() {
        return serviceSlug != null;
    }
}
