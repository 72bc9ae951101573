package dk.selvbetjening.linkcheck;

import static dk.selvbetjening.linkcheck.TestWebServer.headAnswered;
import static dk.selvbetjening.linkcheck.TestWebServer.page;
import static dk.selvbetjening.linkcheck.TestWebServer.status;
import static dk.selvbetjening.linkcheck.TestWebServer.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.selvbetjening.linkcheck.LinkChecker.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Re-checks of pages found good before: conditional requests, HEAD first, GET when HEAD tells nothing. */
class ConditionalCheckTests {

    private static final String PAGE = "<!doctype html><html lang=\"da\"><head><title>Byggetilladelse</title></head>"
            + "<body><h1>Søg om byggetilladelse</h1></body></html>";
    private static final String SOFT_404 = "<html><head><title>Siden blev ikke fundet</title></head><body></body></html>";
    private static final String ETAG = "\"v1\"";
    private static final String LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT";

    private TestWebServer site;
    private LinkChecker checker;

    @BeforeEach
    void startSite() {
        site = TestWebServer.start("127.0.0.1");
        checker = LinkCheckFixtures.settings().checker();
    }

    @AfterEach
    void stop() {
        checker.close();
        site.close();
    }

    @Test
    void aGoodPageIsReCheckedWithAConditionalHeadAnd304MeansStillGood() throws Exception {
        site.on("/a", validated(ETAG, LAST_MODIFIED, PAGE));

        Verdict first = checker.check(site.url("/a"));
        assertThat(first.problem()).isNull();
        assertThat(first.validators()).isEqualTo(new Validators(site.url("/a"), ETAG, LAST_MODIFIED));

        Verdict again = checker.check(site.url("/a"), first.validators());
        assertThat(again.problem()).isNull();
        assertThat(again.httpStatus()).isEqualTo(304);
        assertThat(again.validators()).isEqualTo(first.validators());
        assertThat(site.requestsTo("/a"))
                .containsExactly("GET", "HEAD If-None-Match " + ETAG + " If-Modified-Since " + LAST_MODIFIED);
    }

    @Test
    void withoutAnETagTheDateIsSentAlone() throws Exception {
        site.on("/dated", validated(null, LAST_MODIFIED, PAGE));
        Verdict first = checker.check(site.url("/dated"));
        Verdict again = checker.check(site.url("/dated"), first.validators());
        assertThat(again.httpStatus()).isEqualTo(304);
        assertThat(site.requestsTo("/dated")).containsExactly("GET", "HEAD If-Modified-Since " + LAST_MODIFIED);
    }

    @Test
    void aHeadAnswerWithTheSameValidatorsIsUnchangedWhenTheServerIgnoresConditions() throws Exception {
        site.on("/plain", status(200, PAGE, "ETag", ETAG));
        Verdict first = checker.check(site.url("/plain"));

        Verdict again = checker.check(site.url("/plain"), first.validators());
        assertThat(again.problem()).isNull();
        assertThat(again.httpStatus()).isEqualTo(200);
        assertThat(site.requestsTo("/plain")).containsExactly("GET", "HEAD If-None-Match " + ETAG);
    }

    @Test
    void aChangedPageIsFetchedAgainAndJudgedInFull() throws Exception {
        Validators old = new Validators(site.url("/changed"), "\"v0\"", null);
        site.on("/changed", validated("\"v2\"", null, SOFT_404));

        Verdict verdict = checker.check(site.url("/changed"), old);

        assertThat(verdict.problem()).isEqualTo(LinkProblem.SOFT_404);
        assertThat(verdict.validators()).as("a page found wanting keeps no validators").isNull();
        assertThat(site.requestsTo("/changed"))
                .containsExactly("HEAD If-None-Match \"v0\"", "GET If-None-Match \"v0\"");
    }

    @Test
    void aHostThatRefusesHeadGetsAConditionalGetFromThenOn() throws Exception {
        site.on("/no-head", headAnswered(405, validated(ETAG, null, PAGE)));
        Validators previous = new Validators(site.url("/no-head"), ETAG, null);

        Verdict verdict = checker.check(site.url("/no-head"), previous);
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.httpStatus()).isEqualTo(304);
        checker.check(site.url("/no-head"), previous);

        assertThat(site.requestsTo("/no-head")).containsExactly("HEAD If-None-Match " + ETAG,
                "GET If-None-Match " + ETAG, "GET If-None-Match " + ETAG);
    }

    @Test
    void aHostWhereHeadFailsButGetWorksGetsGetFromThenOn() throws Exception {
        site.on("/head-404", headAnswered(404, validated(ETAG, null, PAGE)));
        Validators previous = new Validators(site.url("/head-404"), "\"v0\"", null);

        Verdict verdict = checker.check(site.url("/head-404"), previous);
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.httpStatus()).isEqualTo(200);
        checker.check(site.url("/head-404"), verdict.validators());

        assertThat(site.requestsTo("/head-404")).containsExactly("HEAD If-None-Match \"v0\"",
                "GET If-None-Match \"v0\"", "GET If-None-Match " + ETAG);
    }

    @Test
    void aPageThatNowFailsIsNotTakenForUnchanged() throws Exception {
        site.on("/gone", status(404, "<title>Ikke fundet</title>"));
        Verdict verdict = checker.check(site.url("/gone"), new Validators(site.url("/gone"), ETAG, null));
        assertThat(verdict.problem()).isEqualTo(LinkProblem.NOT_FOUND);
        assertThat(verdict.validators()).isNull();
        assertThat(site.requestsTo("/gone")).containsExactly("HEAD If-None-Match " + ETAG,
                "GET If-None-Match " + ETAG);
    }

    @Test
    void validatorsBelongToTheFinalUrlOfARedirect() throws Exception {
        site.on("/old", TestWebServer.redirect(301, "/new")).on("/new", validated(ETAG, null, PAGE));
        Verdict first = checker.check(site.url("/old"));
        assertThat(first.validators()).isEqualTo(new Validators(site.url("/new"), ETAG, null));

        Verdict again = checker.check(site.url("/old"), first.validators());
        assertThat(again.problem()).isNull();
        assertThat(again.redirects()).isEqualTo(1);
        assertThat(site.requestsTo("/old")).containsExactly("GET", "HEAD");
        assertThat(site.requestsTo("/new")).containsExactly("GET", "HEAD If-None-Match " + ETAG);
    }

    @Test
    void aRunKeepsItsConnectionsToAHostOpenWithinThePerHostLimit() throws Exception {
        List<String> urls = new ArrayList<>();
        Map<String, Validators> previous = new ConcurrentHashMap<>();
        for (int i = 0; i < 40; i++) {
            site.on("/p/" + i, validated("\"p" + i + "\"", null, PAGE));
            urls.add(site.url("/p/" + i));
            if (i % 2 == 0) {
                previous.put(site.url("/p/" + i), new Validators(site.url("/p/" + i), "\"p" + i + "\"", null));
            }
        }
        Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
        checker.checkAll(urls, previous, LinkCheckFixtures.collectInto(verdicts));

        assertThat(verdicts).hasSize(40).allSatisfy((url, verdict) -> assertThat(verdict.problem()).isNull());
        assertThat(verdicts.get(site.url("/p/0")).httpStatus()).isEqualTo(304);
        assertThat(verdicts.get(site.url("/p/1")).httpStatus()).isEqualTo(200);
        assertThat(site.mostAtOnce()).isLessThanOrEqualTo(2);
        assertThat(site.connections()).as("kept alive: at most the per-host limit").isLessThanOrEqualTo(2);
        assertThat(site.totalHits()).isEqualTo(40);
    }

    @Test
    void unchangedPagesAreStillJudgedForSlownessAndRobots() throws Exception {
        site.on("/noindex", status(200, PAGE, "ETag", ETAG, "X-Robots-Tag", "noindex"));
        Verdict verdict = checker.check(site.url("/noindex"), new Validators(site.url("/noindex"), ETAG, null));
        assertThat(verdict.problem()).isEqualTo(LinkProblem.BLOCKS_ROBOTS);
        assertThat(verdict.validators()).isNull();
        site.on("/fine", page(PAGE));
        assertThat(checker.check(site.url("/fine")).validators()).as("no validators, none kept").isNull();
    }
}
