package dk.selvbetjening.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;

import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.TopicSummary;

/**
 * The citizens' search over published self-services (ADR 0021): ranked hits with highlighted passages, topic counts,
 * "Mente du …?" when few results, and suggestions while typing. Reads only the Lucene index (through Hibernate
 * Search, with projections: no database query per search) and the synonyms in memory.
 */
@Service
public class SearchService {

    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY = 200;
    /** Below this many results the search offers a better spelling. */
    static final int FEW = 3;
    private static final int SUGGESTIONS = 6;
    private static final Locale DA = Locale.forLanguageTag("da");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final AggregationKey<Map<String, Long>> TOPICS = AggregationKey.of("topics");

    private final EntityManagerFactory entityManagerFactory;
    private final Synonyms synonyms;
    private final SearchDocuments documents;
    private final SearchLog log;
    private final SearchResultCache cache;
    private final SelfServiceService catalogue;
    private final Highlighter highlighter;
    private final LevenshteinDistance distance = new LevenshteinDistance();
    private volatile Vocabulary vocabulary;
    /** The portal's topics, in its order: reference data that only a migration changes. */
    private volatile List<TopicSummary> portalTopics;

    SearchService(EntityManagerFactory entityManagerFactory, Synonyms synonyms, SearchDocuments documents,
            SearchLog log, SearchResultCache cache, SelfServiceService catalogue) {
        this.cache = cache;
        this.entityManagerFactory = entityManagerFactory;
        this.synonyms = synonyms;
        this.documents = documents;
        this.log = log;
        this.catalogue = catalogue;
        this.highlighter = new Highlighter(UnifiedHighlighter.builderWithoutSearcher(DanishAnalysis.highlighting())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                // the words' offsets from the passage's tokens alone, not from an index of it built per hit
                .withWeightMatches(false)
                .withPassageRelevancyOverSpeed(false)
                .withMaxLength(60_000)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(DA)));
    }

    /**
     * Searches and counts the search (without anything about who searched); the results may come from
     * {@link SearchResultCache}, the count never does.
     *
     * @param text the citizen's words as typed (any characters; what is not a letter or digit separates words)
     * @param topic a topic's slug to keep to, or null
     * @param page the page, from 0
     * @param size results per page
     */
    public SearchResults search(String text, String topic, int page, int size) {
        String onlyTopic = topic == null || topic.isBlank() ? null : topic;
        SearchResults results = cache.get(SearchText.normalise(text), onlyTopic, page, size,
                () -> find(text, onlyTopic, page, size));
        UUID id = log.searched(results.query(), results.total());
        return new SearchResults(results.query(), results.hits(), results.total(), results.topics(),
                results.didYouMean(), id);
    }

    /** The search without counting it. */
    SearchResults find(String text, String topic, int page, int size) {
        String normalised = SearchText.normalise(text);
        Query query = SearchQueries.query(normalised, synonyms.normalisedGroups());
        String onlyTopic = topic == null || topic.isBlank() ? null : topic;
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(entityManager);
            SearchResult<List<?>> result = session.search(SearchDocument.class)
                    .select(f -> f.composite().from(f.field("slug", String.class),
                            f.field(SearchDocument.TITLE, String.class),
                            f.field(SearchDocument.SHORT_DESCRIPTION, String.class),
                            f.field("municipal", Boolean.class),
                            f.field(SearchDocument.PAGE_TEXT, String.class)).asList())
                    .where(f -> onlyTopic == null ? f.extension(LuceneExtension.get()).fromLuceneQuery(query)
                            : f.bool().must(f.extension(LuceneExtension.get()).fromLuceneQuery(query))
                                    .filter(f.match().field(SearchDocument.TOPIC).matching(onlyTopic)))
                    .sort(f -> f.score().then().field(SearchDocument.STARTS).desc())
                    .aggregation(TOPICS, f -> f.terms().field(SearchDocument.TOPIC, String.class).maxTermCount(100))
                    .fetch(Math.multiplyExact(page, size), size);
            Map<String, Long> counts = result.aggregation(TOPICS);
            long total = result.total().hitCount();
            if (onlyTopic != null) {
                counts = session.search(SearchDocument.class)
                        .where(f -> f.extension(LuceneExtension.get()).fromLuceneQuery(query))
                        .aggregation(TOPICS, f -> f.terms().field(SearchDocument.TOPIC, String.class)
                                .maxTermCount(100))
                        .fetch(0).aggregation(TOPICS);
            }
            List<SearchResults.Hit> hits = new ArrayList<>();
            Passages passages = result.hits().isEmpty() ? null
                    : new Passages(highlighter, SearchQueries.highlight(normalised));
            for (List<?> row : result.hits()) {
                String shortDescription = (String) row.get(2);
                hits.add(new SearchResults.Hit((String) row.get(0), (String) row.get(1), shortDescription,
                        Boolean.TRUE.equals(row.get(3)), passages.of((String) row.get(4), shortDescription)));
            }
            long allTotal = onlyTopic == null ? total : counts.values().stream().mapToLong(Long::longValue).sum();
            String didYouMean = allTotal < FEW ? didYouMean(normalised) : null;
            return new SearchResults(normalised, hits, total, topicCounts(counts), didYouMean, null);
        }
    }

    /** Up to six titles that begin with the words typed so far. */
    public List<Suggestion> suggest(String text) {
        String normalised = SearchText.normalise(text);
        Query query = SearchQueries.suggestion(normalised);
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            List<List<?>> rows = Search.session(entityManager).search(SearchDocument.class)
                    .select(f -> f.composite().from(f.field("slug", String.class),
                            f.field(SearchDocument.TITLE, String.class)).asList())
                    .where(f -> f.extension(LuceneExtension.get()).fromLuceneQuery(query))
                    .sort(f -> f.score().then().field(SearchDocument.STARTS).desc())
                    .fetchHits(SUGGESTIONS);
            if (rows.isEmpty() && !normalised.isEmpty()) {
                return find(text, null, 0, SUGGESTIONS).hits().stream()
                        .map(hit -> new Suggestion(hit.slug(), hit.title())).toList();
            }
            return rows.stream().map(row -> new Suggestion((String) row.get(0), (String) row.get(1))).toList();
        }
    }

    /** Counts that a citizen opened {@code slug} from the search {@code searchId}. */
    public void opened(UUID searchId, String slug) {
        log.opened(searchId, slug);
    }

    /** A suggestion: the title and where it leads. */
    public record Suggestion(String slug, String title) {
    }

    /** The highlighter, with access to the per-field highlighter that {@link Passages} keeps for one search. */
    private static final class Highlighter extends UnifiedHighlighter {

        Highlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        FieldHighlighter field(String field, Query query) {
            return getFieldHighlighter(field, query, extractTerms(query), 1);
        }
    }

    /**
     * The highlighted passage of each hit of one search: the page text's best sentence, else the short description's.
     * The query's terms and automata are prepared once per field for all hits (not per hit, as
     * {@link UnifiedHighlighter#highlightWithoutSearcher} does); used by one thread.
     */
    private static final class Passages {

        private final Highlighter highlighter;
        private final Query query;
        private FieldHighlighter pageText;
        private FieldHighlighter shortDescription;

        Passages(Highlighter highlighter, Query query) {
            this.highlighter = highlighter;
            this.query = query;
        }

        List<String> of(String pageTextValue, String shortDescriptionValue) {
            try {
                Object passage = null;
                if (pageTextValue != null && !pageTextValue.isEmpty()) {
                    if (pageText == null) {
                        pageText = highlighter.field(SearchDocument.PAGE_TEXT, query);
                    }
                    passage = pageText.highlightFieldForDoc(null, -1, pageTextValue);
                }
                if ((passage == null || !passage.toString().contains("<mark>")) && shortDescriptionValue != null) {
                    if (shortDescription == null) {
                        shortDescription = highlighter.field(SearchDocument.SHORT_DESCRIPTION, query);
                    }
                    passage = shortDescription.highlightFieldForDoc(null, -1, shortDescriptionValue);
                }
                return passage == null || !passage.toString().contains("<mark>") ? List.of()
                        : List.of(WHITE_SPACE.matcher(passage.toString()).replaceAll(" ").strip());
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }

    private List<SearchResults.TopicCount> topicCounts(Map<String, Long> counts) {
        List<SearchResults.TopicCount> topics = new ArrayList<>();
        List<TopicSummary> known = portalTopics;
        if (known == null) {
            known = catalogue.topics();
            portalTopics = known;
        }
        for (TopicSummary topic : known) {
            Long count = counts.get(topic.slug());
            if (count != null && count > 0) {
                topics.add(new SearchResults.TopicCount(topic.slug(), count));
            }
        }
        return topics;
    }

    /**
     * The query with each word the index does not know replaced by the closest word it does (titles, keywords and
     * synonyms; at most two edits' worth of difference); null when no word was replaced.
     */
    String didYouMean(String normalised) {
        String[] words = SearchText.words(normalised);
        if (words.length == 0) {
            return null;
        }
        Vocabulary known = vocabulary();
        boolean changed = false;
        List<String> better = new ArrayList<>();
        for (String word : words) {
            String replacement = word;
            if (word.length() >= 4 && !known.words().contains(word) && !DanishAnalysis.isStopWord(word)) {
                float best = 0.7f;
                for (String candidate : known.words()) {
                    if (Math.abs(candidate.length() - word.length()) > 3) {
                        continue;
                    }
                    float similarity = distance.getDistance(word, candidate);
                    if (similarity > best) {
                        best = similarity;
                        replacement = candidate;
                    }
                }
                for (Map.Entry<String, String> ascii : known.ascii().entrySet()) {
                    if (ascii.getKey().equals(word)) {
                        replacement = ascii.getValue();
                    }
                }
            }
            changed |= !replacement.equals(word);
            better.add(replacement);
        }
        return changed ? String.join(" ", better) : null;
    }

    private Vocabulary vocabulary() {
        long generation = documents.generation();
        Vocabulary current = vocabulary;
        if (current == null || current.generation() != generation) {
            Set<String> words = new java.util.HashSet<>();
            for (String text : documents.titlesAndKeywords()) {
                words.addAll(List.of(SearchText.words(SearchText.normalise(text))));
            }
            synonyms.normalisedGroups().forEach(group -> group.forEach(
                    term -> words.addAll(List.of(SearchText.words(term)))));
            words.removeIf(word -> word.length() < 3);
            Map<String, String> ascii = new HashMap<>();
            for (String word : words) {
                DanishLetterVariantsFilter.variants(word).forEach(variant -> ascii.putIfAbsent(variant, word));
            }
            current = new Vocabulary(generation, Set.copyOf(words), Map.copyOf(ascii));
            vocabulary = current;
        }
        return current;
    }

    private record Vocabulary(long generation, Set<String> words, Map<String, String> ascii) {
    }

    static Map<String, Long> byCount(List<SearchResults.TopicCount> counts) {
        return counts.stream().collect(Collectors.toMap(SearchResults.TopicCount::slug,
                SearchResults.TopicCount::count));
    }
}
