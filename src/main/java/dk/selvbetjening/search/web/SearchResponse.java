package dk.selvbetjening.search.web;

import java.util.List;

/** One page of search results. {@code page} counts from 0. */
record SearchResponse(List<Item> items, int page, int size, long totalItems, Facets facets, String didYouMean) {

    /** A result; {@code highlights} are HTML-escaped passages with the matched words in {@code <mark>}. */
    record Item(String slug, String title, String shortDescription, String actionPageUrl, List<String> highlights) {
    }

    record Facets(List<TopicFacet> topics) {
    }

    record TopicFacet(String slug, long count) {
    }
}
