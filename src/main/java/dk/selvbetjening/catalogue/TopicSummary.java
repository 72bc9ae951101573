package dk.selvbetjening.catalogue;

/** A topic (emne) of the portal. */
public record TopicSummary(String slug, String title) {
}
