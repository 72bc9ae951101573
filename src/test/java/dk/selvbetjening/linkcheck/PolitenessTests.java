package dk.selvbetjening.linkcheck;

import static dk.selvbetjening.linkcheck.TestWebServer.firstTimes;
import static dk.selvbetjening.linkcheck.TestWebServer.page;
import static dk.selvbetjening.linkcheck.TestWebServer.slow;
import static dk.selvbetjening.linkcheck.TestWebServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dk.selvbetjening.linkcheck.LinkChecker.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several hosts on loopback (127.0.0.2, 127.0.0.3, …), each its own server that counts requests under way. */
class PolitenessTests {

    private static final String PAGE = "<html><head><title>Side</title></head><body><h1>Side</h1></body></html>";

    private final List<TestWebServer> hosts = new ArrayList<>();

    @AfterEach
    void stop() {
        hosts.forEach(TestWebServer::close);
    }

    @Test
    void neverHasMoreThanThePerHostLimitUnderWayToOneHostWhileHostsRunInParallel() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int h = 2; h <= 6; h++) {
            TestWebServer host = host("127.0.0." + h);
            for (int i = 0; i < 8; i++) {
                host.on("/p/" + i, slow(Duration.ofMillis(200), page(PAGE)));
                urls.add(host.url("/p/" + i));
            }
        }
        Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
        try (LinkChecker checker = LinkCheckFixtures.settings().perHost(2, Duration.ZERO).checker()) {
            TestWebServer busiest = hosts.get(0);
            busiest.on("/on-demand", slow(Duration.ofMillis(200), page(PAGE)));
            long start = System.nanoTime();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    checker.checkAll(urls, LinkCheckFixtures.collectInto(verdicts));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<CompletableFuture<Verdict>> onDemand = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                onDemand.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return checker.check(busiest.url("/on-demand"));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            run.join();
            onDemand.forEach(CompletableFuture::join);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(verdicts).hasSize(40);
            assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.problem()).isNull());
            for (TestWebServer host : hosts) {
                assertThat(host.mostAtOnce()).as("requests at once to %s", host.host()).isEqualTo(2);
            }
            assertThat(busiest.hits("/on-demand")).isEqualTo(3);
            assertThat(took).as("five hosts in parallel: about 8 x 200 ms / 2 each, not 5 x that")
                    .isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void startsRequestsToOneHostAtLeastTheIntervalApart() throws Exception {
        TestWebServer host = host("127.0.0.7");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            host.on("/p/" + i, page(PAGE));
            urls.add(host.url("/p/" + i));
        }
        try (LinkChecker checker = LinkCheckFixtures.settings().perHost(2, Duration.ofMillis(200)).checker()) {
            checker.checkAll(urls, LinkCheckFixtures.collectInto(new ConcurrentHashMap<>()));
        }
        // seen from the server, so an arrival may lag its start a little: each gap near the interval, all of them
        // together at least three intervals
        List<Long> starts = host.startNanos().stream().sorted().toList();
        assertThat(starts).hasSize(4);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThan(Duration.ofMillis(120));
        }
        assertThat(Duration.ofNanos(starts.get(3) - starts.get(0))).isGreaterThan(Duration.ofMillis(560));
    }

    @Test
    void aBackoffHoldsBackTheHostAndNotTheOthers() throws Exception {
        TestWebServer busy = host("127.0.0.8");
        TestWebServer calm = host("127.0.0.9");
        busy.on("/first", firstTimes(1, status(429, "", "Retry-After", "1"), page(PAGE)));
        busy.on("/second", page(PAGE));
        calm.on("/a", page(PAGE));
        Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
        try (LinkChecker checker = LinkCheckFixtures.settings().perHost(1, Duration.ZERO).checker()) {
            long start = System.nanoTime();
            checker.checkAll(List.of(busy.url("/first"), busy.url("/second"), calm.url("/a")),
                    LinkCheckFixtures.collectInto(verdicts));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
        assertThat(verdicts.values()).hasSize(3).allSatisfy(v -> assertThat(v.problem()).isNull());
        assertThat(busy.hits("/first")).isEqualTo(2);
        List<TestWebServer.Request> busyRequests = busy.requests();
        long rateLimited = busyRequests.stream().filter(r -> r.path().equals("/first"))
                .mapToLong(TestWebServer.Request::startNanos).min().orElseThrow();
        assertThat(busyRequests).filteredOn(r -> r.startNanos() > rateLimited).hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(r -> assertThat(r.startNanos() - rateLimited).as("%s waited for the backoff", r.path())
                        .isGreaterThanOrEqualTo(950_000_000L));
        long firstOfAll = Math.min(rateLimited, busyRequests.get(0).startNanos());
        assertThat(calm.requests().get(0).startNanos() - firstOfAll).as("the calm host did not wait")
                .isLessThan(500_000_000L);
    }

    private TestWebServer host(String address) {
        TestWebServer host = TestWebServer.start(address);
        hosts.add(host);
        return host;
    }
}
