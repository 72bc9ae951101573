package dk.selvbetjening.linkcheck;

import static dk.selvbetjening.linkcheck.TestWebServer.firstTimes;
import static dk.selvbetjening.linkcheck.TestWebServer.page;
import static dk.selvbetjening.linkcheck.TestWebServer.slow;
import static dk.selvbetjening.linkcheck.TestWebServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checking, storing and watching links against a local web server: the linkcheck module on its own with
 * {@code shared} and the database, no other module (ADR 0016). The class's tests share the database.
 */
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(properties = {
        "spring.messages.basename=messages,i18n/linkcheck",
        "selvbetjening.linkcheck.enabled=false",
        "selvbetjening.linkcheck.allow-loopback=true",
        "selvbetjening.linkcheck.per-host-interval=0s",
        "selvbetjening.linkcheck.connect-timeout=1s",
        "selvbetjening.linkcheck.read-timeout=1s",
        "selvbetjening.linkcheck.request-timeout=3s",
        "selvbetjening.linkcheck.retry-after-cap=200ms",
        "selvbetjening.linkcheck.failures-before-broken=3"})
@RecordApplicationEvents
@Import(LinkCheckServiceTests.VerdictCommits.class)
class LinkCheckServiceTests {

    private static final String PAGE = "<html><head><title>Boligstøtte</title></head><body><h1>Boligstøtte</h1>";

    private static TestWebServer site;

    @Autowired
    LinkCheckService links;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    VerdictCommits verdictCommits;

    @BeforeAll
    static void startSite() {
        site = TestWebServer.start("127.0.0.1");
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void storesTheLatestResultAndPublishesUrlChecked() {
        site.on("/ok", page(PAGE));
        LinkCheckResult result = links.check(site.url("/ok") + "#top");

        assertThat(result.url()).isEqualTo(site.url("/ok"));
        assertThat(result.outcome()).isEqualTo(LinkOutcome.OK);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.problem()).isNull();
        assertThat(links.latest(site.url("/ok"))).contains(result);
        assertThat(jdbc.sql("SELECT outcome FROM checked_url WHERE url = :url").param("url", site.url("/ok"))
                .query(String.class).single()).isEqualTo("OK");
        assertThat(events.stream(UrlChecked.class).filter(e -> e.url().equals(site.url("/ok"))))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(LinkOutcome.OK);
                    assertThat(e.previousOutcome()).isNull();
                    assertThat(e.httpStatus()).isEqualTo(200);
                });
    }

    @Test
    void failsThreeTimesInARowBeforeItIsBrokenAndRecoversAtOnce() {
        site.on("/flaky", firstTimes(3, status(500, "<title>Fejl</title>"), page(PAGE)));

        LinkCheckResult first = links.check(site.url("/flaky"));
        assertThat(first.outcome()).isEqualTo(LinkOutcome.CAUTION);
        assertThat(first.consecutiveFailures()).isEqualTo(1);
        assertThat(first.problemCode()).isEqualTo(LinkProblem.SERVER_ERROR);
        assertThat(first.problem()).isEqualTo("Fejlede 1 af 3 gange i træk: Serveren svarer med en fejl (HTTP 500).");

        assertThat(links.check(site.url("/flaky")).outcome()).isEqualTo(LinkOutcome.CAUTION);
        LinkCheckResult third = links.check(site.url("/flaky"));
        assertThat(third.outcome()).isEqualTo(LinkOutcome.BROKEN);
        assertThat(third.consecutiveFailures()).isEqualTo(3);
        assertThat(third.problem()).isEqualTo("Serveren svarer med en fejl (HTTP 500).");
        assertThat(third.suggestion()).startsWith("Prøv linket igen senere.");

        LinkCheckResult fourth = links.check(site.url("/flaky"));
        assertThat(fourth.outcome()).isEqualTo(LinkOutcome.OK);
        assertThat(fourth.consecutiveFailures()).isZero();
        assertThat(events.stream(UrlChecked.class).filter(e -> e.url().equals(site.url("/flaky")))
                .map(UrlChecked::outcome))
                .containsExactly(LinkOutcome.CAUTION, LinkOutcome.CAUTION, LinkOutcome.BROKEN, LinkOutcome.OK);
    }

    @Test
    void aScheduledRunChecksEachWatchedUrlOnceHoweverManyLinksUseIt() {
        assertThat(links.checkDue().started()).as("what the class's other tests left watched is checked first")
                .isTrue();
        site.on("/shared", page(PAGE));
        site.on("/moved", firstTimes(1, status(404, "<title>Ikke fundet</title>"), page(PAGE)));
        site.on("/unwatched", page(PAGE));
        links.watch(site.url("/shared"), "municipallink:1");
        links.watch(site.url("/shared"), "municipallink:2");
        links.watch(site.url("/shared") + "#section", "catalogue:7");
        links.watch(site.url("/shared"), "municipallink:1");
        links.watch(site.url("/moved"), "municipallink:3");
        links.watch(site.url("/unwatched"), "municipallink:4");
        links.unwatch(site.url("/unwatched"), "municipallink:4");

        LinkCheckRun run = links.checkDue();

        assertThat(run.started()).isTrue();
        assertThat(run.due()).isEqualTo(2);
        assertThat(run.checked()).isEqualTo(2);
        assertThat(run.outcomes()).containsEntry(LinkOutcome.OK, 1).containsEntry(LinkOutcome.CAUTION, 1);
        assertThat(site.hits("/shared")).isEqualTo(1);
        assertThat(site.hits("/moved")).isEqualTo(1);
        assertThat(site.hits("/unwatched")).isZero();
        assertThat(links.latest(List.of(site.url("/shared"), site.url("/moved"), site.url("/unwatched"))))
                .containsOnlyKeys(site.url("/shared"), site.url("/moved"))
                .hasEntrySatisfying(site.url("/moved"), r -> {
                    assertThat(r.outcome()).isEqualTo(LinkOutcome.CAUTION);
                    assertThat(r.problem()).isEqualTo("Fejlede 1 af 3 gange i træk: Siden findes ikke (HTTP 404).");
                });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM checked_url_watcher w JOIN checked_url u ON u.id = w.checked_url_id "
                + "WHERE u.url = :url").param("url", site.url("/shared")).query(Integer.class).single()).isEqualTo(3);

        assertThat(links.checkDue().checked()).as("nothing is due right after a run").isZero();
        assertThat(site.hits("/shared")).isEqualTo(1);
    }

    @Test
    void aUrlFirstWatchedWhileARunGoesIsCheckedInThatRunAndOneWatchedAfterItWaitsForTheNext() {
        links.checkDue();
        site.on("/run-long", slow(Duration.ofMillis(600), page(PAGE)));
        site.on("/run-joined-1", page(PAGE));
        site.on("/run-joined-2", page(PAGE));
        site.on("/run-after", page(PAGE));
        links.watch(site.url("/run-long"), "municipallink:20");
        CompletableFuture<LinkCheckRun> running = CompletableFuture.supplyAsync(links::checkDue);
        waitFor(() -> site.hits("/run-long") == 1);

        links.watchAll(List.of(new UrlWatch(site.url("/run-joined-1"), "municipallink:21"),
                new UrlWatch(site.url("/run-joined-2"), "municipallink:22"),
                new UrlWatch(site.url("/run-long"), "municipallink:23")));
        LinkCheckRun run = running.join();

        assertThat(run.due()).isEqualTo(3);
        assertThat(run.checked()).isEqualTo(3);
        assertThat(site.hits("/run-long")).as("a URL the run has already is not taken twice").isEqualTo(1);
        assertThat(site.hits("/run-joined-1")).isEqualTo(1);
        assertThat(links.latest(List.of(site.url("/run-joined-1"), site.url("/run-joined-2"))))
                .containsOnlyKeys(site.url("/run-joined-1"), site.url("/run-joined-2"));
        assertThat(events.stream(UrlChecked.class).filter(e -> e.url().equals(site.url("/run-joined-2")))).hasSize(1);

        links.watch(site.url("/run-after"), "municipallink:24");
        assertThat(links.latest(site.url("/run-after"))).as("the run was over: it waits for the next").isEmpty();
        assertThat(links.checkDue().checked()).isEqualTo(1);
        assertThat(links.latest(site.url("/run-after"))).isPresent();
    }

    @Test
    void aRunStoppedMidwayKeepsWhatItStoredAndLeavesTheRestDueForTheNextRun() throws Exception {
        links.checkDue();
        site.on("/stop-done", page(PAGE));
        site.on("/stop-under-way", slow(Duration.ofMillis(500), page(PAGE)));
        links.watch(site.url("/stop-done"), "municipallink:30");
        links.watch(site.url("/stop-under-way"), "municipallink:31");
        AtomicReference<RuntimeException> stopped = new AtomicReference<>();
        Thread running = new Thread(() -> {
            try {
                links.checkDue();
            } catch (RuntimeException e) {
                stopped.set(e);
            }
        });
        running.start();
        waitFor(() -> site.hits("/stop-under-way") == 1 && links.latest(site.url("/stop-done")).isPresent());

        running.interrupt();
        running.join(5000);
        assertThat(stopped.get()).isInstanceOf(IllegalStateException.class);
        Thread.sleep(800);   // the request under way answers after the run stopped: its verdict is not stored

        assertThat(links.latest(site.url("/stop-done"))).isPresent();
        assertThat(links.latest(site.url("/stop-under-way"))).isEmpty();
        assertThat(events.stream(UrlChecked.class).filter(e -> e.url().equals(site.url("/stop-under-way")))).isEmpty();

        LinkCheckRun next = links.checkDue();

        assertThat(next.checked()).as("only what was not stored is checked again").isEqualTo(1);
        assertThat(site.hits("/stop-done")).isEqualTo(1);
        assertThat(site.hits("/stop-under-way")).isEqualTo(2);
        assertThat(links.latest(site.url("/stop-under-way"))).hasValueSatisfying(
                r -> assertThat(r.outcome()).isEqualTo(LinkOutcome.OK));
    }

    @Test
    void aRunStoresManyVerdictsInBatchesEachWithItsEvent() {
        links.checkDue();
        List<UrlWatch> watches = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            site.on("/batch-" + i, page(PAGE));
            watches.add(new UrlWatch(site.url("/batch-" + i), "municipallink:batch-" + i));
        }
        links.watchAll(watches);
        AtomicInteger commits = new AtomicInteger();
        verdictCommits.counting(commits);

        LinkCheckRun run = links.checkDue();

        verdictCommits.counting(null);
        assertThat(run.checked()).isEqualTo(450);
        assertThat(events.stream(UrlChecked.class).filter(e -> e.url().contains("/batch-"))).hasSize(450);
        assertThat(commits.get()).as("verdicts are stored in batches, not one transaction each")
                .isBetween(3, 450 / 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM checked_url WHERE url LIKE '%/batch-%' AND checked_at IS NOT NULL")
                .query(Integer.class).single()).isEqualTo(450);
    }

    @Test
    void aRunStartsWithTheUrlsSlowestLastTimeAndThoseNeverChecked() {
        links.checkDue();
        for (int i = 0; i < 8; i++) {
            // each answer takes a while, so the third in line can't be asked before the first two have been
            site.on("/order-" + i, slow(Duration.ofMillis(150), page(PAGE)));
            links.watch(site.url("/order-" + i), "municipallink:order-" + i);
        }
        links.checkDue();
        jdbc.sql("UPDATE checked_url SET checked_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00', "
                + "response_time_ms = CASE WHEN url = :slow THEN 2500 ELSE 5 END WHERE url LIKE '%/order-%'")
                .param("slow", site.url("/order-5")).update();
        site.on("/order-new", slow(Duration.ofMillis(150), page(PAGE)));
        links.watch(site.url("/order-new"), "municipallink:order-new");
        long before = System.nanoTime();

        assertThat(links.checkDue().checked()).isEqualTo(9);

        // one host, two requests at a time: the first two in line are the first two asked
        assertThat(site.requests().stream().filter(r -> r.startNanos() >= before).limit(2).map(r -> r.path()))
                .containsExactlyInAnyOrder("/order-5", "/order-new");
    }

    @Test
    void aLinkWhoseUrlChangedWatchesOnlyItsNewUrl() {
        links.watchOnly("kommunelink:9", List.of(site.url("/old")));
        links.watch(site.url("/old"), "kommunelink:10");
        links.watchOnly("kommunelink:9", List.of(site.url("/new")));
        assertThat(watchers(site.url("/old"))).containsExactly("kommunelink:10");
        assertThat(watchers(site.url("/new"))).containsExactly("kommunelink:9");
        links.watchOnly("kommunelink:9", List.of());
        assertThat(watchers(site.url("/new"))).isEmpty();
    }

    @Test
    void watchingInBulkRegistersEachUrlOnceSkipsWhatIsWatchedAndIsIdempotent() {
        List<UrlWatch> watches = List.of(
                new UrlWatch(site.url("/bulk/1"), "bulk:1"),
                new UrlWatch(site.url("/bulk/1") + "#top", "bulk:1"),
                new UrlWatch(site.url("/bulk/1"), "bulk:2"),
                new UrlWatch(site.url("/bulk/2"), "bulk:2"),
                new UrlWatch(site.url("/bulk/2"), "bulk:2"));
        links.watch(site.url("/bulk/2"), "bulk:2");
        try {
            links.watchAll(watches);
            links.watchAll(watches);

            assertThat(watchers(site.url("/bulk/1"))).containsExactly("bulk:1", "bulk:2");
            assertThat(watchers(site.url("/bulk/2"))).containsExactly("bulk:2");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM checked_url WHERE url LIKE :pattern")
                    .param("pattern", site.url("/bulk/") + "%").query(Integer.class).single()).isEqualTo(2);
        } finally {
            links.watchOnly(Map.of("bulk:1", List.of(), "bulk:2", List.of()));
        }
        assertThat(watchers(site.url("/bulk/1"))).isEmpty();
    }

    @Test
    void aBulkWatchWithAnInvalidUrlOrWatcherWritesNothing() {
        assertThatThrownBy(() -> links.watchAll(List.of(new UrlWatch(site.url("/bulk/3"), "bulk:3"),
                new UrlWatch("ftp://kk.dk/", "bulk:3")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.watchAll(List.of(new UrlWatch(site.url("/bulk/3"), " "))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.watchOnly(Map.of("x".repeat(201), List.of(site.url("/bulk/3")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM checked_url WHERE url = :url").param("url", site.url("/bulk/3"))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void watchOnlyInBulkMovesEachLinkToItsNewUrl() {
        try {
            links.watchOnly(Map.of("kommunelink:20", List.of(site.url("/a20")),
                    "kommunelink:21", List.of(site.url("/a21"))));
            links.watch(site.url("/a20"), "kommunelink:22");
            links.watchOnly(Map.of("kommunelink:20", List.of(site.url("/b20"), "ikke et link"),
                    "kommunelink:21", List.of(site.url("/a21"))));

            assertThat(watchers(site.url("/a20"))).containsExactly("kommunelink:22");
            assertThat(watchers(site.url("/b20"))).containsExactly("kommunelink:20");
            assertThat(watchers(site.url("/a21"))).containsExactly("kommunelink:21");
        } finally {
            links.watchOnly(Map.of("kommunelink:20", List.of(), "kommunelink:21", List.of(),
                    "kommunelink:22", List.of()));
        }
    }

    @Test
    void aScheduledReCheckAsksConditionallyAndA304KeepsTheLinkGood() {
        String url = site.url("/etag");
        site.on("/etag", TestWebServer.validated("\"v1\"", null, PAGE));
        links.watch(url, "cond:1");
        try {
            links.checkDue();
            assertThat(jdbc.sql("SELECT etag FROM checked_url WHERE url = :url").param("url", url)
                    .query(String.class).single()).isEqualTo("\"v1\"");
            jdbc.sql("UPDATE checked_url SET checked_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' "
                    + "WHERE url = :url").param("url", url).update();

            links.checkDue();

            assertThat(links.latest(url)).hasValueSatisfying(result -> {
                assertThat(result.outcome()).isEqualTo(LinkOutcome.OK);
                assertThat(result.httpStatus()).isEqualTo(304);
            });
            assertThat(site.requestsTo("/etag")).containsExactly("GET", "HEAD If-None-Match \"v1\"");
        } finally {
            links.unwatch(url, "cond:1");
        }
    }

    private List<String> watchers(String url) {
        return jdbc.sql("SELECT w.watcher FROM checked_url_watcher w JOIN checked_url u ON u.id = w.checked_url_id "
                + "WHERE u.url = :url ORDER BY w.watcher").param("url", url).query(String.class).list();
    }

    @Test
    void twoChecksOfTheSameUrlAtOnceMakeOneRequest() {
        site.on("/popular", TestWebServer.slow(Duration.ofMillis(300), page(PAGE)));
        CompletableFuture<LinkCheckResult> first = CompletableFuture.supplyAsync(() -> links.check(site.url("/popular")));
        CompletableFuture<LinkCheckResult> second = CompletableFuture.supplyAsync(() -> links.check(site.url("/popular")));
        assertThat(first.join()).isEqualTo(second.join());
        assertThat(site.hits("/popular")).isEqualTo(1);
    }

    @Test
    void aSuspiciousDomainIsDangerWithADanishWarningAndIsStored() {
        LinkCheckResult result = links.check("https://betaling.phishing.invalid/kommune");
        assertThat(result.outcome()).isEqualTo(LinkOutcome.DANGER);
        assertThat(result.problem()).isEqualTo(
                "Domænet står på listen over mistænkelige domæner. Linket er ikke åbnet.");
        assertThat(result.suggestion()).isNotBlank();
        assertThat(links.latest("https://betaling.phishing.invalid/kommune")).isPresent();
    }

    @Test
    void aRedirectChainSuggestsTheFinalUrl() {
        site.on("/r1", TestWebServer.redirect(301, "/r2")).on("/r2", TestWebServer.redirect(302, "/r3"))
                .on("/r3", page(PAGE));
        LinkCheckResult result = links.check(site.url("/r1"));
        assertThat(result.outcome()).isEqualTo(LinkOutcome.CAUTION);
        assertThat(result.redirects()).isEqualTo(2);
        assertThat(result.suggestion()).isEqualTo("Link direkte til den endelige adresse: " + site.url("/r3"));
    }

    @Test
    void anInvalidUrlIsBrokenAtOnceAndCannotBeWatched() {
        LinkCheckResult result = links.check("javascript:alert(1)");
        assertThat(result.outcome()).isEqualTo(LinkOutcome.BROKEN);
        assertThat(result.problemCode()).isEqualTo(LinkProblem.INVALID_URL);
        assertThat(result.problem()).isEqualTo("Adressen er ikke et gyldigt http- eller https-link.");
        assertThatThrownBy(() -> links.watch("ftp://kk.dk/", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScheduleIsOffWhenDisabled() {
        assertThat(context.getBeanNamesForType(LinkCheckSchedule.class)).isEmpty();
    }

    private static void waitFor(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - until).as("waited 10 s in vain").isNegative();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Counts the committed transactions that published {@link UrlChecked}, when asked to. */
    static class VerdictCommits {

        private static final Object MARK = new Object();
        private volatile AtomicInteger commits;

        void counting(AtomicInteger into) {
            commits = into;
        }

        @EventListener
        void on(UrlChecked event) {
            AtomicInteger into = commits;
            if (into == null || !TransactionSynchronizationManager.isSynchronizationActive()
                    || TransactionSynchronizationManager.hasResource(MARK)) {
                return;
            }
            TransactionSynchronizationManager.bindResource(MARK, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    into.incrementAndGet();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(MARK);
                }
            });
        }
    }
}
