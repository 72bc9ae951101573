package dk.selvbetjening.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ActingAsSystem;
import dk.selvbetjening.shared.ModuleListeners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index follows publishing on both databases: a published self-service and its published action page text are
 * found as soon as the listeners have run (well within a second of the commit on an idle machine), an unpublished
 * page's text and an archived service disappear as fast, and a rebuild gives back the same index.
 */
@ActingAsSystem
abstract class SearchIndexContract {

    @Autowired
    PortalTestData data;

    @Autowired
    SearchService search;

    @Autowired
    SearchIndex index;

    @Autowired
    SearchDocuments documents;

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    ModuleListeners listeners;

    private List<String> slugs(String query) {
        return search.find(query, null, 0, 50).hits().stream().map(SearchResults.Hit::slug).toList();
    }

    /** {@code start} and six letters no other test uses. */
    private static String aWord(String start) {
        return start + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
    }

    /** A published self-service "Bestil dit &lt;word&gt;kort" with these keywords. */
    private SelfServiceDetails publishedCard(String word, List<String> keywords) {
        NewSelfService c = SelfServiceFixtures.aVoluntarySelfService(data.stateAuthority().id(),
                "https://selvbetjening.example.dk/" + word);
        return data.publish(new NewSelfService(word + "-kort", "Bestil dit " + word + "kort", "Bestil et nyt kort.",
                c.kind(), c.scope(), c.url(), c.formReturn(), c.authorityId(), c.supplierName(), c.supplierEmail(),
                c.loginMethod(), null, c.kleNumber(), c.topics(), keywords, false), Map.of());
    }

    /**
     * Once the search listeners have returned (they run after the commit, on the task executor, behind whatever else
     * is queued there), what they wrote is searchable: no later moment to wait for.
     */
    private void indexed() {
        listeners.awaitAll("search.");
    }

    @Test
    void followsPublishingUnpublishingAndArchiving() {
        String word = aWord("zebra");
        SelfServiceDetails service = publishedCard(word, List.of("flamingo"));

        indexed();
        assertThat(slugs(word + "kort")).contains(service.slug());
        assertThat(slugs(word + "kort").get(0)).isEqualTo(service.slug());

        actionPages.saveDraft(service.id(), new ActionPageContent("Bestil dit " + word + "kort",
                "Her bestiller du kortet. Du skal have en pelikanfjer med.", List.of("MitID."), null, null,
                null, null, null));
        indexed();
        assertThat(slugs("pelikanfjer")).as("a draft is not searchable").isEmpty();
        actionPages.publish(service.id());
        indexed();
        assertThat(slugs("pelikanfjer")).contains(service.slug());

        actionPages.unpublish(service.id());
        indexed();
        assertThat(slugs("pelikanfjer")).doesNotContain(service.slug());
        assertThat(slugs(word + "kort")).as("the service itself is still published").contains(service.slug());

        services.archive(service.id());
        indexed();
        assertThat(slugs(word + "kort")).doesNotContain(service.slug());
        assertThat(slugs("flamingo")).doesNotContain(service.slug());
    }

    @Test
    void anArchivedActionPageTakesItsSelfServiceOutAsThePortalDoes() {
        String word = aWord("okapi");
        SelfServiceDetails service = publishedCard(word, List.of());
        indexed();
        assertThat(slugs(word + "kort")).contains(service.slug());

        actionPages.archive(service.id());
        indexed();
        assertThat(slugs(word + "kort")).doesNotContain(service.slug());
        documents.syncAll();
        assertThat(slugs(word + "kort")).as("the repair at start-up leaves it out too").doesNotContain(service.slug());
        services.archive(service.id());
    }

    @Test
    void aRebuildGivesBackEveryPublishedDocument() {
        // not ModuleListeners.awaitAll(): another module's listener may have failed during the demo content's load
        await().atMost(Duration.ofSeconds(20))
                .until(() -> index.status().publishedDocuments() == services.published().size());
        SearchIndexStatus status = index.rebuild();
        assertThat(status.indexedDocuments()).isEqualTo(status.publishedDocuments())
                .isEqualTo(services.published().size());
        assertThat(status.lastRebuildAt()).isNotNull();
        assertThat(status.sizeInBytes()).isPositive();
        assertThat(slugs("kørekort")).contains("forny-dit-koerekort");
    }
}
