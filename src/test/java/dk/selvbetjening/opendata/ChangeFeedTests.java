package dk.selvbetjening.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ModuleListeners;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change feed through its API, on the shared database (each test looks at its own self-services' entries after
 * the cursor it started from): every kind of change in order, nothing for a change citizens cannot see, paging that
 * loses and repeats nothing while content changes between pages, 304 while nothing changed, Danish 400s.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChangeFeedTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    ChangeFeed feed;

    @Autowired
    ModuleListeners listeners;

    @Test
    void listsPublishedChangedLinksUnpublishedAndArchivedInOrderAndNothingForADraft() throws Exception {
        long start = feed.latest().cursor();
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/a"));
        awaitEntries(start, service.id(), 1);
        SystemPrincipal.run(() -> actionPages.saveDraft(service.id(), PortalTestData.anActionPage("Kun en kladde")));
        SystemPrincipal.run(() -> actionPages.write(service.id(), new ActionPageContent("Ny titel",
                "Her kan du gøre det online.", List.of("MitID."), null, null, null, null, null)));
        awaitEntries(start, service.id(), 2);
        SystemPrincipal.run(() -> links.setLink(service.id(), 101, "https://www.kk.dk/b", null));
        awaitEntries(start, service.id(), 3);
        SystemPrincipal.run(() -> actionPages.unpublish(service.id()));
        awaitEntries(start, service.id(), 4);
        SystemPrincipal.run(() -> actionPages.write(service.id(), PortalTestData.anActionPage("Igen")));
        awaitEntries(start, service.id(), 5);
        SystemPrincipal.run(() -> actionPages.archive(service.id()));
        List<JsonNode> entries = awaitEntries(start, service.id(), 6);

        assertThat(entries).extracting(e -> e.get("type").asString()).containsExactly("PUBLISHED", "CHANGED",
                "LINKS_CHANGED", "UNPUBLISHED", "PUBLISHED", "ARCHIVED");
        assertThat(entries).extracting(e -> e.get("slug").asString()).containsOnly(service.slug());
        assertThat(entries.get(2).get("municipalityCodes").valueStream().map(JsonNode::asInt).toList())
                .containsExactly(101);
        assertThat(entries.get(0).get("municipalityCodes").isEmpty()).isTrue();
        assertThat(entries).extracting(e -> e.get("cursor").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(entries.get(0).propertyNames()).containsExactly("cursor", "occurredAt", "type", "selfServiceId",
                "slug", "municipalityCodes");
    }

    @Test
    void aLinkEventHandledAfterThePublicationWritesNothingAndALateEventNamesEveryMunicipalityThatDiffers() {
        long start = feed.latest().cursor();
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/sen"));
        awaitEntries(start, service.id(), 1);
        // the link was set before the publication; its event handled (again) only now finds nothing new
        assertThat(SystemPrincipal.call(() -> feed.record(service.id(), Set.of(101)))).isEmpty();

        // two link changes: whichever way their events interleave, each municipality is named once, and events
        // handled again afterwards add nothing
        SystemPrincipal.run(() -> {
            links.setLink(service.id(), 101, "https://www.kk.dk/sen-2", null);
            links.setLink(service.id(), 147, "https://www.frederiksberg.dk/sen", null);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> namedInLinkChanges(start, service.id()).size() >= 2);
        assertThat(SystemPrincipal.call(() -> feed.record(service.id(), Set.of(101)))).isEmpty();
        assertThat(SystemPrincipal.call(() -> feed.record(service.id(), Set.of(147)))).isEmpty();
        assertThat(namedInLinkChanges(start, service.id())).containsExactlyInAnyOrder(101, 147);
    }

    private List<Integer> namedInLinkChanges(long start, UUID service) {
        return ownEntries(page(start, 1000), List.of(service)).stream()
                .filter(e -> e.get("type").asString().equals("LINKS_CHANGED"))
                .flatMap(e -> e.get("municipalityCodes").valueStream().map(JsonNode::asInt)).toList();
    }

    @Test
    void namesTheMunicipalitiesWhoseLinksDifferAddedRemovedOrChanged() {
        assertThat(ChangeFeed.differingCodes("101=a,147=b", "101=a,147=c,151=d")).containsExactly(147, 151);
        assertThat(ChangeFeed.differingCodes("101=a,147=b", "147=b")).containsExactly(101);
        assertThat(ChangeFeed.differingCodes("", "101=a")).containsExactly(101);
        assertThat(ChangeFeed.differingCodes("101=a", "101=a")).isEmpty();
    }

    @Test
    void pagingLosesAndRepeatsNothingWhileContentChangesBetweenPages() throws Exception {
        long start = feed.latest().cursor();
        List<UUID> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ours.add(data.publishedNational("https://feed-" + i + ".example.dk/").id());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ownEntries(page(start, 1000), ours).size() == 3);

        List<JsonNode> seen = new ArrayList<>();
        long cursor = start;
        int round = 0;
        while (true) {
            JsonNode page = page(cursor, 2);
            page.get("changes").valueStream().forEach(seen::add);
            cursor = page.get("nextCursor").asLong();
            if (round < 3) {
                // content changes between two pages: a new service, a changed page, a page taken down
                UUID changed = ours.get(round);
                int r = round;
                SystemPrincipal.run(() -> {
                    if (r == 2) {
                        actionPages.unpublish(changed);
                    } else {
                        actionPages.write(changed, PortalTestData.anActionPage("Ændret " + r));
                    }
                });
                ours.add(data.publishedNational("https://feed-new-" + round + ".example.dk/").id());
                round++;
                int expected = 3 + round * 2;
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> ownEntries(page(start, 1000), ours).size() == expected);
                continue;
            }
            if (!page.get("hasMore").asBoolean()) {
                break;
            }
        }
        // up to the last page's cursor: another test's listener on the shared database may add an entry after it
        long last = cursor;
        List<Long> all = page(start, 1000).get("changes").valueStream().map(e -> e.get("cursor").asLong())
                .filter(c -> c <= last).toList();
        assertThat(seen).extracting(e -> e.get("cursor").asLong()).containsExactlyElementsOf(all);
        assertThat(ownEntries(seen, ours)).hasSize(9);
        assertThat(ownEntries(seen, ours)).extracting(e -> e.get("type").asString())
                .containsOnly("PUBLISHED", "CHANGED", "UNPUBLISHED");
    }

    @Test
    void answers304WhileTheFeedIsUnchangedAndNamesTheNewestEntry() throws Exception {
        // read before publishing: the listener may have written the entry before this line is reached
        long before = feed.latest().cursor();
        data.publishedNational("https://feed-etag.example.dk/");
        // every feed listener done, this test's and those of earlier tests on the shared database: the feed stays
        // as it is while this test asks whether it changed
        listeners.awaitAll("opendata.");
        assertThat(feed.latest().cursor()).isGreaterThan(before);
        long since = feed.latest().cursor();
        MvcTestResult first = mvc.get().uri("/api/v1/changes?since=" + since).exchange();
        assertThat(first).hasStatusOk().bodyJson().isStrictlyEqualTo(
                "{\"changes\": [], \"nextCursor\": " + since + ", \"hasMore\": false}");
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).contains("feed-" + since);
        assertThat(mvc.get().uri("/api/v1/changes?since=" + since).header(HttpHeaders.IF_NONE_MATCH, etag))
                .hasStatus(HttpStatus.NOT_MODIFIED);
        // Last-Modified comes once the newest entry's second has passed (a busy machine may take a while to ask)
        await().atMost(Duration.ofSeconds(10)).until(() -> mvc.get().uri("/api/v1/changes?since=" + since).exchange()
                .getResponse().getHeader(HttpHeaders.LAST_MODIFIED) != null);
        String lastModified = mvc.get().uri("/api/v1/changes?since=" + since).exchange().getResponse()
                .getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(mvc.get().uri("/api/v1/changes?since=" + since).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .hasStatus(HttpStatus.NOT_MODIFIED);

        SelfServiceDetails next = data.publishedNational("https://feed-etag-2.example.dk/");
        listeners.awaitAll("opendata.");
        MvcTestResult changed = mvc.get().uri("/api/v1/changes?since=" + since).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange();
        assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.changes[0].type").isEqualTo("PUBLISHED");
        assertThat(changed).bodyJson().extractingPath("$.changes[0].selfServiceId").isEqualTo(next.id().toString());
        assertThat(mvc.get().uri("/api/v1/changes?since=" + since).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .hasStatusOk();
    }

    @Test
    void refusesABadCursorOrLimitInDanish() {
        assertThat(mvc.get().uri("/api/v1/changes?since=abc")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("since \"abc\" er ikke en cursor. Brug 0 eller nextCursor fra sidste svar.");
        assertThat(mvc.get().uri("/api/v1/changes?since=-1")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/changes?limit=0")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").isEqualTo("limit \"0\" skal være et helt tal fra 1 til 1000.");
    }

    private List<JsonNode> awaitEntries(long start, UUID service, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ownEntries(page(start, 1000), List.of(service)).size() >= count);
        List<JsonNode> entries = ownEntries(page(start, 1000), List.of(service));
        assertThat(entries).hasSize(count);
        return entries;
    }

    private JsonNode page(long since, int limit) {
        return JSON.readTree(mvc.get().uri("/api/v1/changes?since=" + since + "&limit=" + limit).exchange()
                .getResponse().getContentAsByteArray());
    }

    private static List<JsonNode> ownEntries(JsonNode page, List<UUID> services) {
        return ownEntries(page.get("changes").valueStream().toList(), services);
    }

    private static List<JsonNode> ownEntries(List<JsonNode> entries, List<UUID> services) {
        return entries.stream().filter(e -> services.contains(UUID.fromString(e.get("selfServiceId").asString())))
                .toList();
    }
}
