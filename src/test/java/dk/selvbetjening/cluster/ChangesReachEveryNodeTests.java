package dk.selvbetjening.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.search.Synonyms;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.changes.ChangeReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A change committed on node A reaches node B's citizen pages, search index and synonyms (ADR 0019): by B's
 * {@code LISTEN} connection within 2 seconds, and, with that connection cut, by B's generation check within its
 * period, after which the connection is opened again. Each change is made through A's services and seen only through
 * B's pages and API. For a page the 2 seconds are the change reaching B (B's generation); B's rebuilding and rendering
 * at the next request is timed apart ({@link #REBUILD}), as it measures B's load, not the propagation. Both nodes name
 * the same catalogue by the same ETag (ADR 0031).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangesReachEveryNodeTests {

    private static final Duration NOTIFY = Duration.ofSeconds(2);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CHECK_GRACE = Duration.ofMillis(500);
    /** Long enough that the check, not the reconnection, brings the change on a loaded machine. */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(20);
    private static final Duration COLD = Duration.ofSeconds(60);
    /**
     * How long B may take, once the change has reached it, to rebuild its snapshot and render the page at the next
     * request: B's own work, on a machine other builds load, not the propagation the 2 s are about.
     */
    private static final Duration REBUILD = Duration.ofSeconds(10);

    static TwoNodes nodes;
    static SelfServiceDetails service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        nodes = TwoNodes.start("selvbetjening.changes.check-interval=" + CHECK_INTERVAL,
                "selvbetjening.changes.reconnect-delay=" + RECONNECT_DELAY);
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void anActionPagePublishedOnOneNodeShowsItsNewTextOnTheOther() throws Exception {
        assertThat(received().listening()).isTrue();
        ChangeReceiver.Status first = received();
        service = nodes.a().bean(PortalTestData.class).publishedNational("https://flyt.example.dk/");
        // B renders its first action page (templates compiled on first use): not yet what is measured
        within(COLD, "first page", () -> page(service.slug()).contains(service.title()));
        within(COLD, "first search", () -> found("flytning").contains(service.slug()));
        assertThat(received().repairs()).isEqualTo(first.repairs());
        assertThat(received().catchUps()).isEqualTo(first.catchUps());
        assertThat(found("trompetfisk")).isEmpty();
        assertThat(page(service.slug())).doesNotContain("trompetfisk");
        ChangeReceiver.Status before = received();

        write(new ActionPageContent(service.title(), "Her melder du flytning, også hvis du ejer en trompetfisk.",
                List.of("MitID."), null, null, "Ring til os.", "Du får svar i Digital Post.", null));

        onPage(NOTIFY, "new text on page", () -> page(service.slug()).contains("trompetfisk"));
        within(NOTIFY, "new text in search", () -> found("trompetfisk").contains(service.slug()));
        assertThat(received().notifications()).isGreaterThan(before.notifications());
        assertThat(received().repairs()).as("not by the generation check").isEqualTo(before.repairs());
    }

    @Test
    @Order(2)
    void aSynonymEditedOnOneNodeAppliesOnTheOther() throws Exception {
        assertThat(found("fnuglefisk")).isEmpty();
        ChangeReceiver.Status before = received();

        SystemPrincipal.run(() -> nodes.a().bean(Synonyms.class).add("fnuglefisk, trompetfisk"));

        within(NOTIFY, "synonym", () -> found("fnuglefisk").contains(service.slug()));
        assertThat(received().repairs()).isEqualTo(before.repairs());
    }

    @Test
    @Order(3)
    void unpublishingOnOneNodeTakesItOffTheOther() throws Exception {
        ChangeReceiver.Status before = received();

        SystemPrincipal.run(() -> nodes.a().bean(ActionPageService.class).unpublish(service.id()));

        onPage(NOTIFY, "page unpublished", () -> !page(service.slug()).contains("trompetfisk"));
        within(NOTIFY, "page text out of search", () -> found("trompetfisk").isEmpty());
        assertThat(page(service.slug())).as("the short description stays").contains(service.title());

        SystemPrincipal.run(() -> nodes.a().bean(ActionPageService.class).archive(service.id()));

        onPage(NOTIFY, "page archived", () -> status("/handlingsside/" + service.slug()) == 404);
        within(NOTIFY, "archived out of search", () -> found("flytning").isEmpty());

        SystemPrincipal.run(() -> nodes.a().bean(SelfServiceService.class).archive(service.id()));
        onPage(NOTIFY, "service archived", () -> status("/handlingsside/" + service.slug()) == 404);
        assertThat(received().repairs()).isEqualTo(before.repairs());
    }

    @Test
    @Order(4)
    void withItsListeningConnectionCutTheGenerationCheckBringsTheChangeAndTheNodeListensAgain() throws Exception {
        ChangeReceiver.Status before = received();
        assertThat(before.backendPid()).isNotNull();
        nodes.database().sql("SELECT pg_terminate_backend(:pid)").param("pid", before.backendPid())
                .query().listOfRows();
        await().atMost(NOTIFY).until(() -> !received().listening());

        SelfServiceDetails next = nodes.a().bean(PortalTestData.class).publishedNational("https://flyt2.example.dk/");

        // one check period and its grace for a late notification, then as long as a notified change may take
        Duration byCheck = CHECK_INTERVAL.plus(CHECK_GRACE).plus(NOTIFY);
        onPage(byCheck, "by the check on page", () -> page(next.slug()).contains(next.title()));
        within(byCheck, "by the check in search", () -> found("flytning").contains(next.slug()));
        ChangeReceiver.Status repaired = received();
        assertThat(repaired.repairs()).isGreaterThan(before.repairs());
        assertThat(repaired.catchUps()).as("not by listening again").isEqualTo(before.catchUps());

        await().atMost(RECONNECT_DELAY.plus(NOTIFY)).until(() -> received().listening());
        ChangeReceiver.Status listening = received();
        assertThat(listening.backendPid()).isNotEqualTo(before.backendPid());
        assertThat(listening.reconnects()).isGreaterThan(before.reconnects());

        write(next, new ActionPageContent(next.title(), "Her melder du flytning med din vandkande.", List.of("MitID."),
                null, null, "Ring til os.", "Du får svar i Digital Post.", null));

        onPage(NOTIFY, "listening again, page", () -> page(next.slug()).contains("vandkande"));
        within(NOTIFY, "listening again, search", () -> found("vandkande").contains(next.slug()));
        assertThat(received().notifications()).isGreaterThan(listening.notifications());
        assertThat(received().repairs()).as("by the notification again").isEqualTo(listening.repairs());
    }

    @Test
    @Order(5)
    void bothNodesNameTheSameCatalogueByTheSameTag() throws Exception {
        SelfServiceDetails added = nodes.a().bean(PortalTestData.class).publishedNational("https://flyt3.example.dk/");
        within(COLD, "read API", () -> viaProxy(nodes.b(), "/api/v1/services.csv", null).body()
                .contains(added.slug()));
        for (String path : List.of("/api/v1/services.csv", "/api/v1/catalogue.jsonld", "/sitemap.xml",
                "/api/v1/services/" + added.slug())) {
            HttpResponse<String> onA = viaProxy(nodes.a(), path, null);
            HttpResponse<String> onB = viaProxy(nodes.b(), path, null);
            assertThat(onB.statusCode()).as(path).isEqualTo(200);
            assertThat(onB.body()).as(path).isEqualTo(onA.body());
            assertThat(onB.headers().firstValue("ETag")).as(path).isPresent().isEqualTo(onA.headers().firstValue("ETag"));
            assertThat(onB.headers().firstValue("Last-Modified")).as(path)
                    .isEqualTo(onA.headers().firstValue("Last-Modified"));
            assertThat(viaProxy(nodes.b(), path, onA.headers().firstValue("ETag").orElseThrow()).statusCode())
                    .as("A's tag on B: %s", path).isEqualTo(304);
        }

        String before = viaProxy(nodes.b(), "/api/v1/services.csv", null).headers().firstValue("ETag").orElseThrow();
        write(added, new ActionPageContent(added.title(), "Her melder du flytning med din blæksprutte.",
                List.of("MitID."), null, null, "Ring til os.", "Du får svar i Digital Post.", null));
        within(COLD, "new tag on B", () -> !viaProxy(nodes.b(), "/api/v1/services.csv", null).headers()
                .firstValue("ETag").orElseThrow().equals(before));
        assertThat(viaProxy(nodes.a(), "/api/v1/services.csv", null).headers().firstValue("ETag"))
                .isEqualTo(viaProxy(nodes.b(), "/api/v1/services.csv", null).headers().firstValue("ETag"));
    }

    /**
     * Waits until B has every change committed so far, at most {@code limit} (the propagation itself), then until
     * {@code condition} holds on B's page, at most {@link #REBUILD} (B's rebuild and rendering).
     */
    private static void onPage(Duration limit, String what, java.util.concurrent.Callable<Boolean> condition) {
        long committed = nodes.database().sql("SELECT generation FROM change_generation WHERE id = 1")
                .query(Long.class).single();
        within(limit, what + ": the change", () -> received().generation() >= committed);
        within(REBUILD, what + ": rebuilt and rendered", condition);
    }

    /** Waits until {@code condition} holds, at most {@code limit}, and prints how long it took. */
    private static void within(Duration limit, String what, java.util.concurrent.Callable<Boolean> condition) {
        long started = System.nanoTime();
        await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition);
        System.out.printf("Change reached node B (%s) in %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }

    private static ChangeReceiver.Status received() {
        return nodes.b().bean(ChangeReceiver.class).status();
    }

    private static void write(ActionPageContent content) {
        write(service, content);
    }

    private static void write(SelfServiceDetails target, ActionPageContent content) {
        SystemPrincipal.run(() -> nodes.a().bean(ActionPageService.class).write(target.id(), content));
    }

    /** B's citizen page, or "" when it is not there. */
    private String page(String slug) throws Exception {
        HttpResponse<String> response = get("/handlingsside/" + slug);
        return response.statusCode() == 200 ? response.body() : "";
    }

    private int status(String path) throws Exception {
        return get(path).statusCode();
    }

    /** The slugs B's search API finds for {@code words}. */
    private List<String> found(String words) throws Exception {
        HttpResponse<String> response = get("/api/v1/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.items[*].slug");
    }

    /**
     * {@code node}'s answer as behind a load balancer (the same forwarded address on both nodes, so the same
     * absolute URLs), conditional on {@code etag} when given.
     */
    private HttpResponse<String> viaProxy(TwoNodes.Node node, String path, String etag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("X-Forwarded-Host", "selvbetjening.example.dk")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(nodes.b().baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
