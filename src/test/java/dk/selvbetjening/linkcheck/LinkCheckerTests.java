package dk.selvbetjening.linkcheck;

import static dk.selvbetjening.linkcheck.TestWebServer.endless;
import static dk.selvbetjening.linkcheck.TestWebServer.firstTimes;
import static dk.selvbetjening.linkcheck.TestWebServer.page;
import static dk.selvbetjening.linkcheck.TestWebServer.redirect;
import static dk.selvbetjening.linkcheck.TestWebServer.slow;
import static dk.selvbetjening.linkcheck.TestWebServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import dk.selvbetjening.linkcheck.LinkChecker.Verdict;
import dk.selvbetjening.linkcheck.TestWebServer.RawServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkCheckerTests {

    private static final String PAGE = "<!doctype html><html lang=\"da\"><head><title>Byggetilladelse</title></head>"
            + "<body><h1>Søg om byggetilladelse</h1></body></html>";

    private TestWebServer site;
    private LinkChecker checker;

    @BeforeEach
    void startSite() {
        site = TestWebServer.start("127.0.0.1");
        checker = LinkCheckFixtures.settings().checker("phishing.invalid", "localhost");
    }

    @AfterEach
    void stop() {
        checker.close();
        site.close();
    }

    @Test
    void buildsItsHttpClientOnTheFirstRequestOnly() throws Exception {
        assertThat(checker.httpClientBuilt()).isFalse();
        site.on("/a", page(PAGE));
        checker.check(site.url("/a"));
        assertThat(checker.httpClientBuilt()).isTrue();
    }

    @Test
    void aFastPageIsOk() throws Exception {
        site.on("/a", page(PAGE));
        Verdict verdict = checker.check(site.url("/a"));
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.httpStatus()).isEqualTo(200);
        assertThat(verdict.finalUrl()).isEqualTo(site.url("/a"));
        assertThat(verdict.redirects()).isZero();
    }

    @Test
    void sendsABrowserLikeUserAgentNamingThePortal() throws Exception {
        site.on("/a", page(PAGE));
        checker.check(site.url("/a"));
        assertThat(site.userAgents()).singleElement().asString()
                .startsWith("Mozilla/5.0 (compatible; SelvbetjeningLinkCheck/1.0; +https://");
    }

    @Test
    void aPageSlowerThanTheThresholdIsSlow() throws Exception {
        try (LinkChecker strict = LinkCheckFixtures.settings().slowThreshold(Duration.ofMillis(200)).checker()) {
            site.on("/slow", slow(Duration.ofMillis(400), page(PAGE)));
            Verdict verdict = strict.check(site.url("/slow"));
            assertThat(verdict.problem()).isEqualTo(LinkProblem.SLOW);
            assertThat(verdict.responseTimeMillis()).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void notFoundAndGoneAreNotFound() throws Exception {
        site.on("/gone", status(410, "<title>Gone</title>"));
        assertThat(checker.check(site.url("/missing")).problem()).isEqualTo(LinkProblem.NOT_FOUND);
        Verdict gone = checker.check(site.url("/gone"));
        assertThat(gone.problem()).isEqualTo(LinkProblem.NOT_FOUND);
        assertThat(gone.httpStatus()).isEqualTo(410);
        assertThat(LinkProblem.NOT_FOUND.failure()).isTrue();
    }

    @Test
    void aServerErrorIsAFailure() throws Exception {
        site.on("/error", status(500, "<title>Fejl</title>"));
        Verdict verdict = checker.check(site.url("/error"));
        assertThat(verdict.problem()).isEqualTo(LinkProblem.SERVER_ERROR);
        assertThat(verdict.httpStatus()).isEqualTo(500);
    }

    @Test
    void forbiddenToOurUserAgentAndNoindexAreCaution() throws Exception {
        site.on("/forbidden", status(403, "<title>Forbidden</title>"));
        site.on("/noindex", status(200, PAGE, "X-Robots-Tag", "googlebot: noindex, nofollow"));
        site.on("/index", status(200, PAGE, "X-Robots-Tag", "nofollow"));
        assertThat(checker.check(site.url("/forbidden")).problem()).isEqualTo(LinkProblem.FORBIDDEN);
        assertThat(checker.check(site.url("/noindex")).problem()).isEqualTo(LinkProblem.BLOCKS_ROBOTS);
        assertThat(checker.check(site.url("/index")).problem()).isNull();
        assertThat(LinkProblem.FORBIDDEN.outcome()).isEqualTo(LinkOutcome.CAUTION);
    }

    @Test
    void anotherClientErrorIsCautionAndARedirectWithoutLocationIsBad() throws Exception {
        site.on("/login", status(401, "<title>Log ind</title>"));
        site.on("/nowhere", status(302, ""));
        Verdict login = checker.check(site.url("/login"));
        assertThat(login.problem()).isEqualTo(LinkProblem.CLIENT_ERROR);
        assertThat(login.httpStatus()).isEqualTo(401);
        assertThat(checker.check(site.url("/nowhere")).problem()).isEqualTo(LinkProblem.BAD_REDIRECT);
    }

    @Test
    void oneRedirectIsFollowedAndOk() throws Exception {
        site.on("/old", redirect(301, "/new")).on("/new", page(PAGE));
        Verdict verdict = checker.check(site.url("/old"));
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.redirects()).isEqualTo(1);
        assertThat(verdict.finalUrl()).isEqualTo(site.url("/new"));
    }

    @Test
    void aChainOfRedirectsIsCautionNamingTheFinalUrl() throws Exception {
        chain(8);
        Verdict verdict = checker.check(site.url("/hop/1"));
        assertThat(verdict.problem()).isEqualTo(LinkProblem.REDIRECTED);
        assertThat(verdict.redirects()).isEqualTo(8);
        assertThat(verdict.finalUrl()).isEqualTo(site.url("/end"));
        for (int i = 1; i <= 8; i++) {
            assertThat(site.hits("/hop/" + i)).as("hop %d requested", i).isEqualTo(1);
        }
    }

    @Test
    void moreThanEightRedirectsIsBrokenAndTheNinthIsNotFollowed() throws Exception {
        chain(9);
        Verdict verdict = checker.check(site.url("/hop/1"));
        assertThat(verdict.problem()).isEqualTo(LinkProblem.TOO_MANY_REDIRECTS);
        assertThat(verdict.redirects()).isEqualTo(9);
        assertThat(LinkProblem.TOO_MANY_REDIRECTS.outcome()).isEqualTo(LinkOutcome.BROKEN);
        assertThat(site.hits("/hop/9")).isEqualTo(1);
        assertThat(site.hits("/end")).isZero();
    }

    @Test
    void aRedirectLoopIsBroken() throws Exception {
        site.on("/a", redirect(302, "/b")).on("/b", redirect(302, site.url("/a")));
        Verdict verdict = checker.check(site.url("/a"));
        assertThat(verdict.problem()).isEqualTo(LinkProblem.REDIRECT_LOOP);
        assertThat(site.hits("/a")).isEqualTo(1);
        assertThat(site.hits("/b")).isEqualTo(1);
    }

    @Test
    void aRedirectToItselfThatSetsACookieIsNoLoop() throws Exception {
        site.on("/login", exchange -> {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            if (cookie != null && cookie.contains("seen=1")) {
                page(PAGE).handle(exchange);
            } else {
                status(302, "", "Set-Cookie", "seen=1; Path=/", "Location", "/login").handle(exchange);
            }
        });
        Verdict verdict = checker.check(site.url("/login"));
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.redirects()).isEqualTo(1);
    }

    @Test
    void aPageThatSaysItWasNotFoundIsASoft404() throws Exception {
        site.on("/dansk", page("<html><head><title>Siden findes ikke - Roskilde Kommune</title></head></html>"));
        site.on("/english", page("<html><head><title>Example</title></head><body><h1>Page not found</h1>"));
        site.on("/fine", page(PAGE));
        assertThat(checker.check(site.url("/dansk")).problem()).isEqualTo(LinkProblem.SOFT_404);
        assertThat(checker.check(site.url("/english")).problem()).isEqualTo(LinkProblem.SOFT_404);
        assertThat(checker.check(site.url("/fine")).problem()).isNull();
    }

    @Test
    void readsAGzippedPage() throws Exception {
        site.on("/gzip", exchange -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write("<html><head><title>Siden blev ikke fundet</title></head></html>"
                        .getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, zipped.size());
            exchange.getResponseBody().write(zipped.toByteArray());
        });
        assertThat(checker.check(site.url("/gzip")).problem()).isEqualTo(LinkProblem.SOFT_404);
    }

    @Test
    void anEndlessBodyIsReadOnlyAsFarAsTheLimitAndThenCut() throws Exception {
        AtomicLong sent = new AtomicLong();
        site.on("/endless", endless(sent));
        long start = System.nanoTime();
        Verdict verdict = checker.check(site.url("/endless"));
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.httpStatus()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        Thread.sleep(300);
        long afterCut = sent.get();
        Thread.sleep(300);
        assertThat(sent.get()).as("the server can send no more once the connection is cut").isEqualTo(afterCut);
        assertThat(afterCut).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        assertTimesOutWithinThreeSeconds(RawServer.silent(),
                LinkCheckFixtures.settings().readTimeout(Duration.ofMillis(300)));
    }

    @Test
    void aTricklingBodyIsCutOffAtTheRequestTimeout() throws Exception {
        assertTimesOutWithinThreeSeconds(RawServer.trickle(),
                LinkCheckFixtures.settings().requestTimeout(Duration.ofMillis(700)));
    }

    /** A checker with {@code settings} gives up on a server with {@code behaviour}: TIMEOUT, well within 3 seconds. */
    private static void assertTimesOutWithinThreeSeconds(RawServer.Behaviour behaviour,
            LinkCheckFixtures.Settings settings) throws Exception {
        try (RawServer server = new RawServer("127.0.0.1", behaviour); LinkChecker quick = settings.checker()) {
            long start = System.nanoTime();
            Verdict verdict = quick.check("http://127.0.0.1:" + server.port() + "/");
            assertThat(verdict.problem()).isEqualTo(LinkProblem.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aRefusedConnectionFails() throws Exception {
        assertThat(checker.check("http://127.0.0.1:" + freePort() + "/").problem())
                .isEqualTo(LinkProblem.CONNECTION_FAILED);
    }

    @Test
    void aServerThatCannotSpeakTlsIsATlsProblem() throws Exception {
        try (RawServer plain = new RawServer("127.0.0.1", RawServer.plainText())) {
            Verdict verdict = checker.check("https://127.0.0.1:" + plain.port() + "/");
            assertThat(verdict.problem()).isEqualTo(LinkProblem.TLS_PROBLEM);
            assertThat(LinkProblem.TLS_PROBLEM.outcome()).isEqualTo(LinkOutcome.CAUTION);
        }
    }

    @Test
    void waitsAsLongAsRetryAfterSaysAndTriesAgain() throws Exception {
        site.on("/busy", firstTimes(1, status(429, "", "Retry-After", "1"), page(PAGE)));
        long start = System.nanoTime();
        Verdict verdict = checker.check(site.url("/busy"));
        assertThat(verdict.problem()).isNull();
        assertThat(site.hits("/busy")).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void neverWaitsLongerThanTheCap() throws Exception {
        try (LinkChecker capped = LinkCheckFixtures.settings().retries(2, Duration.ofMillis(200)).checker()) {
            site.on("/busy", firstTimes(1, status(503, "", "Retry-After", "3600"), page(PAGE)));
            long start = System.nanoTime();
            assertThat(capped.check(site.url("/busy")).problem()).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190),
                    Duration.ofMillis(3000));
        }
    }

    @Test
    void aServerThatStaysBusyIsRateLimitedOrAServerErrorAfterTheRetries() throws Exception {
        try (LinkChecker capped = LinkCheckFixtures.settings().retries(2, Duration.ofMillis(100)).checker()) {
            site.on("/429", status(429, "", "Retry-After", "0"));
            site.on("/503", status(503, ""));
            assertThat(capped.check(site.url("/429")).problem()).isEqualTo(LinkProblem.RATE_LIMITED);
            assertThat(site.hits("/429")).isEqualTo(3);
            assertThat(capped.check(site.url("/503")).problem()).isEqualTo(LinkProblem.SERVER_ERROR);
            assertThat(site.hits("/503")).isEqualTo(3);
        }
    }

    @Test
    void aSuspiciousHostIsDangerAndNeverRequested() throws Exception {
        site.on("/a", page(PAGE));
        Verdict verdict = checker.check("http://localhost:" + site.port() + "/a");
        assertThat(verdict.problem()).isEqualTo(LinkProblem.SUSPICIOUS_DOMAIN);
        assertThat(verdict.httpStatus()).isNull();
        assertThat(checker.check("https://login.phishing.invalid/").problem())
                .isEqualTo(LinkProblem.SUSPICIOUS_DOMAIN);
        assertThat(site.totalHits()).isZero();
        assertThat(LinkProblem.SUSPICIOUS_DOMAIN.outcome()).isEqualTo(LinkOutcome.DANGER);
    }

    @Test
    void aRedirectToASuspiciousHostIsDangerAndTheTargetNeverRequested() throws Exception {
        site.on("/out", redirect(302, "http://localhost:" + site.port() + "/trap")).on("/trap", page(PAGE));
        Verdict verdict = checker.check(site.url("/out"));
        assertThat(verdict.problem()).isEqualTo(LinkProblem.SUSPICIOUS_DOMAIN);
        assertThat(verdict.finalUrl()).isEqualTo("http://localhost:" + site.port() + "/trap");
        assertThat(site.hits("/trap")).isZero();
    }

    @Test
    void aRedirectToAnInvalidAddressIsABadRedirect() throws Exception {
        site.on("/out", redirect(302, "javascript:alert(1)"));
        assertThat(checker.check(site.url("/out")).problem()).isEqualTo(LinkProblem.BAD_REDIRECT);
    }

    private void chain(int redirects) {
        for (int i = 1; i <= redirects; i++) {
            site.on("/hop/" + i, redirect(302, i == redirects ? "/end" : "/hop/" + (i + 1)));
        }
        site.on("/end", page(PAGE));
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
