package dk.selvbetjening.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.ModuleListeners;
import dk.selvbetjening.shared.changes.ChangedOnAnotherNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The result cache (ADR 0021) never shows what changed: a publish, an archive, a synonym edit, and the same changes
 * made by another node, are in the very next search, with no waiting; and every search is counted, cached or not.
 * New start counts drop the cached results only when they change the order by starts, the tie-break of a search.
 */
@SpringBootTest(properties = "selvbetjening.demo.enabled=true")
@AutoConfigureMockMvc
@ActingAsSystem
class SearchResultCacheTests {

    @Autowired
    SearchService search;

    @Autowired
    SearchResultCache cache;

    @Autowired
    Synonyms synonyms;

    @Autowired
    SearchLog log;

    @Autowired
    PortalTestData data;

    @Autowired
    SelfServiceService services;

    @Autowired
    ModuleListeners listeners;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchDocuments documents;

    @BeforeEach
    void indexed() {
        listeners.awaitAll("search.");
    }

    private List<String> slugs(String query) {
        return search.search(query, null, 0, 10).hits().stream().map(SearchResults.Hit::slug).toList();
    }

    private static String word(String prefix) {
        // eight random letters a-z: a word no other test's content holds (a UUID's letters alone can be fewer than 6)
        StringBuilder word = new StringBuilder(prefix);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void aRepeatedSearchComesFromTheCacheAndIsCountedEachTime() {
        assertThat(cache.enabled()).isTrue();
        String query = word("storskrald ");
        log.flush();
        SearchResults first = search.search(query, null, 0, 10);
        SearchResults second = search.search(query, null, 0, 10);
        assertThat(second.hits()).as("the same results, from memory").isSameAs(first.hits()).isNotEmpty();
        assertThat(second.searchId()).isNotEqualTo(first.searchId());
        assertThat(search.search(query, null, 0, 5).hits()).as("another page size is another search")
                .isNotSameAs(first.hits());
        log.flush();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM search_query WHERE query = :q").param("q", query)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aPublishAndAnArchiveAreInTheNextSearch() {
        String word = word("gnu");
        assertThat(slugs(word + "kort")).as("cached: other cards, by the part \"kort\"").isNotEmpty();
        NewSelfService c = SelfServiceFixtures.aVoluntarySelfService(data.stateAuthority().id(),
                "https://selvbetjening.example.dk/" + word);
        SelfServiceDetails service = data.publish(new NewSelfService(word + "-kort", "Bestil dit " + word + "kort",
                "Bestil et nyt kort.", c.kind(), c.scope(), c.url(), c.formReturn(), c.authorityId(), c.supplierName(),
                c.supplierEmail(), c.loginMethod(), null, c.kleNumber(), c.topics(), List.of("okapi"), false),
                Map.of());
        listeners.awaitAll("search.");
        assertThat(slugs(word + "kort")).first().isEqualTo(service.slug());

        services.archive(service.id());
        listeners.awaitAll("search.");
        assertThat(slugs(word + "kort")).isNotEmpty().doesNotContain(service.slug());
    }

    @Test
    void aSynonymEditIsInTheNextSearch() {
        String word = word("snabel");
        assertThat(slugs(word)).isEmpty();
        SynonymGroupSummary group = synonyms.add(word + ", rollator");
        try {
            assertThat(slugs(word)).first().isEqualTo("soeg-om-hjaelpemidler");
            synonyms.change(group.id(), group.version(), word + ", kørekort");
            assertThat(slugs(word)).first().isEqualTo("forny-dit-koerekort");
        } finally {
            synonyms.delete(group.id());
        }
        assertThat(slugs(word)).isEmpty();
    }

    @Test
    void aSynonymGroupAddedOnAnotherNodeIsInTheNextSearch() {
        String word = word("snabel");
        assertThat(slugs(word)).isEmpty();
        UUID id = UUID.randomUUID();
        // what another node's commit leaves in the shared database, then its notification
        jdbc.sql("INSERT INTO search_synonym_group (id, terms, version, updated_at) VALUES (:id, :terms, 0, :at)")
                .param("id", id).param("terms", word + ", rollator").param("at", Timestamp.from(Instant.now()))
                .update();
        try {
            assertThat(slugs(word)).as("not told yet: this node still uses its copy").isEmpty();
            events.publishEvent(new ChangedOnAnotherNode(Map.of(Synonyms.KIND, Set.of(id.toString())), false));
            assertThat(slugs(word)).first().isEqualTo("soeg-om-hjaelpemidler");
        } finally {
            jdbc.sql("DELETE FROM search_synonym_group WHERE id = :id").param("id", id).update();
            events.publishEvent(new ChangedOnAnotherNode(Map.of(Synonyms.KIND, Set.of(id.toString())), false));
        }
    }

    @Test
    void aSearchDocumentWrittenOnAnotherNodeIsInTheNextSearch() {
        String word = word("tapir");
        assertThat(slugs(word)).isEmpty();
        UUID id = jdbc.sql("SELECT self_service_id FROM search_document WHERE slug = 'forny-dit-koerekort'")
                .query(UUID.class).single();
        String keywords = jdbc.sql("SELECT keywords FROM search_document WHERE self_service_id = :id").param("id", id)
                .query(String.class).single();
        jdbc.sql("UPDATE search_document SET keywords = :k WHERE self_service_id = :id")
                .param("k", keywords + "\n" + word).param("id", id).update();
        try {
            events.publishEvent(new ChangedOnAnotherNode(Map.of(SearchDocuments.KIND, Set.of(id.toString())), false));
            assertThat(slugs(word)).containsExactly("forny-dit-koerekort");
        } finally {
            jdbc.sql("UPDATE search_document SET keywords = :k WHERE self_service_id = :id")
                    .param("k", keywords).param("id", id).update();
            events.publishEvent(new ChangedOnAnotherNode(Map.of(SearchDocuments.KIND, Set.of(id.toString())), false));
        }
        assertThat(slugs(word)).isEmpty();
    }

    /** Adds {@code starts} starts today to the self-service, in a municipality row of the test's own. */
    private void addStarts(UUID selfServiceId, long starts, int municipality) {
        jdbc.sql("INSERT INTO start_count (self_service_id, municipality_code, start_date, starts) "
                        + "VALUES (:id, :municipality, CURRENT_DATE, :starts)")
                .param("id", selfServiceId).param("municipality", municipality).param("starts", starts).update();
    }

    @Test
    void startCountsThatKeepTheOrderByStartsKeepTheCachedResults() {
        int municipality = 9000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900);
        List<UUID> ids = jdbc.sql("SELECT self_service_id FROM search_document ORDER BY starts DESC, slug")
                .query(UUID.class).list();
        UUID top = ids.get(0);
        UUID other = ids.get(1);
        try {
            // the most started by far, alone at the top
            addStarts(top, 1_000_000, municipality);
            documents.refreshStarts();
            SearchResults first = search.search("kort", null, 0, 10);
            assertThat(first.hits()).isNotEmpty();

            addStarts(top, 5, municipality + 1);
            assertThat(documents.refreshStarts()).as("one count changed").isEqualTo(1);
            assertThat(search.search("kort", null, 0, 10).hits()).as("still first by starts: from memory")
                    .isSameAs(first.hits());

            addStarts(other, 2_000_000, municipality);
            assertThat(documents.refreshStarts()).isEqualTo(1);
            assertThat(cache.size()).as("another one passed it: the order may change").isZero();
            assertThat(search.search("kort", null, 0, 10).hits()).isNotSameAs(first.hits());
        } finally {
            jdbc.sql("DELETE FROM start_count WHERE municipality_code IN (:a, :b)")
                    .param("a", municipality).param("b", municipality + 1).update();
            documents.refreshStarts();
        }
    }

    @Test
    void startCountsOnAnotherNodeThatKeepTheOrderKeepTheCachedResults() {
        UUID id = jdbc.sql("SELECT self_service_id FROM search_document WHERE slug = 'forny-dit-koerekort'")
                .query(UUID.class).single();
        SearchResults first = search.search("kort", null, 0, 10);
        events.publishEvent(new ChangedOnAnotherNode(Map.of(SearchDocuments.STARTS_KIND, Set.of(id.toString())),
                false));
        assertThat(search.search("kort", null, 0, 10).hits()).isSameAs(first.hits());
        events.publishEvent(new ChangedOnAnotherNode(Map.of(SearchDocuments.KIND, Set.of(id.toString())), false));
        assertThat(search.search("kort", null, 0, 10).hits()).isNotSameAs(first.hits());
    }
}
