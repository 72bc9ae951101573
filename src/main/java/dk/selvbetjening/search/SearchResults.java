package dk.selvbetjening.search;

import java.util.List;
import java.util.UUID;

/**
 * One page of results: the hits, how many there are in all, the topics with how many of all the results (not only
 * the topic chosen) are in each, a better spelling when the query gave few results, and the id under which the search
 * was counted (to count which result was opened).
 */
public record SearchResults(String query, List<Hit> hits, long total, List<TopicCount> topics, String didYouMean,
        UUID searchId) {

    /**
     * A result. {@code highlights}: passages of the action page with the matched words in {@code <mark>}; the rest of
     * the passage is HTML-escaped, so a passage may be written into a page as it is.
     */
    public record Hit(String slug, String title, String shortDescription, boolean municipal, List<String> highlights) {
    }

    /** How many results are in a topic. */
    public record TopicCount(String slug, long count) {
    }
}
