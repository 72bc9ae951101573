package dk.selvbetjening.portal.web;

/**
 * What the layout's head says about a citizen page to search engines and link previews: the canonical address, the
 * Open Graph title and description (the site's name and tagline when null) and, on an action page, a schema.org
 * JSON-LD block ({@link GovernmentServiceJsonLd}, already escaped for a {@code <script>} data block).
 */
public record PageMeta(String canonicalUrl, String title, String description, String jsonLd) {
}
