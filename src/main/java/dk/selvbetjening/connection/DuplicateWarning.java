package dk.selvbetjening.connection;

import java.util.List;

/**
 * For editors: the request's URL is already a self-service's ({@code serviceSlug}, {@code serviceTitle};
 * {@code servicePublished} whether citizens see it) or another open request's ({@code requestReference}). Anyone else
 * sees {@link PublicDuplicate}. For a municipal request, {@code municipalities} names (by code order) the
 * municipalities whose link in the request is a link of that self-service or that request ({@code url} is the first
 * of them); it is empty for a request's own URL.
 */
public record DuplicateWarning(String url, String serviceSlug, String serviceTitle, boolean servicePublished,
        String requestReference, List<String> municipalities) {

    public DuplicateWarning {
        municipalities = List.copyOf(municipalities);
    }
}
