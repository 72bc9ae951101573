package dk.selvbetjening.linkhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.ModuleListeners;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Published URLs are watched, verdicts reach the citizen page, editors see them, authorities get a digest. */
@SpringBootTest(properties = {"selvbetjening.linkcheck.allow-loopback=true",
        "selvbetjening.linkcheck.per-host-interval=0s", "selvbetjening.linkcheck.failures-before-broken=1",
        "selvbetjening.linkcheck.connect-timeout=1s", "selvbetjening.linkcheck.read-timeout=1s",
        "selvbetjening.linkcheck.request-timeout=3s", "selvbetjening.linkhealth.watch-on-startup=false"})
@AutoConfigureMockMvc
class LinkHealthTests {

    private static HttpServer site;
    private static String base;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Autowired
    LinkCheckService checks;

    @Autowired
    SelfServiceService services;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    BrokenLinkDigest digest;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModuleListeners listeners;

    @Autowired
    LinkWatching watching;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    MunicipalLinkService links;

    @Autowired
    ComplianceFixtures compliance;

    @BeforeAll
    static void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            boolean gone = exchange.getRequestURI().getPath().startsWith("/gone");
            byte[] body = (gone ? "<title>Siden findes ikke</title>" : "<title>Selvbetjening</title><h1>Start</h1>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(gone ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterAll
    static void stopSite() {
        site.stop(0);
    }

    private List<String> watchers(String url) {
        return jdbc.sql("SELECT w.watcher FROM checked_url_watcher w JOIN checked_url u ON u.id = w.checked_url_id "
                + "WHERE u.url = :url").param("url", url).query(String.class).list();
    }

    @Test
    void publishingWatchesTheNationalUrlAndEveryMunicipalLink() {
        SelfServiceDetails national = data.publishedNational(base + "/national-watch");
        SelfServiceDetails municipal = data.publishedMunicipal(Map.of(101, base + "/kk-watch", 461, ""));
        listeners.awaitAll();
        assertThat(watchers(base + "/national-watch")).containsExactly("selvbetjening:" + national.id());
        assertThat(watchers(base + "/kk-watch")).containsExactly("kommunelink:" + municipal.id() + ":101");
    }

    @Test
    void aListenerThatReadTheSelfServiceBeforeItWasPublishedAndWritesLastLeavesItWatched() {
        // the listeners run in no fixed order: the one for the creation may read the draft, and write only after the
        // publication's listener has watched everything
        SelfServiceDetails national = SystemPrincipal.call(() -> services.add(
                SelfServiceFixtures.aNationalSelfService(data.stateAuthority().id(), base + "/late-national")));
        SelfServiceDetails municipal = SystemPrincipal.call(() -> services.add(
                SelfServiceFixtures.aMunicipalSelfService(data.stateAuthority().id())));
        SystemPrincipal.run(() -> {
            links.setLink(municipal.id(), 101, base + "/late-kk", null);
            for (SelfServiceDetails draft : List.of(national, municipal)) {
                actionPages.write(draft.id(), PortalTestData.anActionPage(draft.title()));
                if (draft.mandatoryWave() != null) {
                    compliance.answerAll(draft.id(), AnswerStatus.MET);
                }
                services.publish(draft.id());
            }
        });
        listeners.awaitAll();
        assertThat(watchers(base + "/late-kk")).containsExactly("kommunelink:" + municipal.id() + ":101");

        SystemPrincipal.run(() -> {
            watching.watch(national);
            watching.watch(municipal);
        });

        assertThat(watchers(base + "/late-national")).containsExactly("selvbetjening:" + national.id());
        assertThat(watchers(base + "/late-kk")).containsExactly("kommunelink:" + municipal.id() + ":101");
    }

    @Test
    void aListenerThatReadALinkBeforeItChangedAgainAndWritesLastLeavesTheNewUrlWatched() {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, base + "/link-first"));
        listeners.awaitAll();
        Map<UUID, Set<Integer>> changed = Map.of(service.id(), Set.of(101));
        Map<String, List<String>> readFirst = SystemPrincipal.call(() -> watching.wantedLinks(changed));
        SystemPrincipal.run(() -> links.setLink(service.id(), 101, base + "/link-second", null));
        listeners.awaitAll();
        assertThat(watchers(base + "/link-second")).containsExactly("kommunelink:" + service.id() + ":101");

        // the first change's listener writes only now what it read before the second change
        SystemPrincipal.run(() -> watching.settle(readFirst, () -> watching.wantedLinks(changed)));

        assertThat(watchers(base + "/link-second")).containsExactly("kommunelink:" + service.id() + ":101");
        assertThat(watchers(base + "/link-first")).isEmpty();
    }

    @Test
    void startUpWatchingRegistersEverythingPublishedInBulkAndCanBeRepeated() {
        SelfServiceDetails national = data.publishedNational(base + "/national-startup");
        SelfServiceDetails municipal = data.publishedMunicipal(Map.of(101, base + "/kk-startup",
                461, base + "/odense-startup"));
        listeners.awaitAll();
        jdbc.sql("DELETE FROM checked_url_watcher WHERE watcher IN (:watchers)").param("watchers",
                List.of("selvbetjening:" + national.id(), "kommunelink:" + municipal.id() + ":101",
                        "kommunelink:" + municipal.id() + ":461")).update();
        assertThat(watchers(base + "/kk-startup")).isEmpty();

        watching.watchAll(services.published());
        watching.watchAll(services.published());

        assertThat(watchers(base + "/national-startup")).containsExactly("selvbetjening:" + national.id());
        assertThat(watchers(base + "/kk-startup")).containsExactly("kommunelink:" + municipal.id() + ":101");
        assertThat(watchers(base + "/odense-startup")).containsExactly("kommunelink:" + municipal.id() + ":461");
    }

    @Test
    void aBrokenMunicipalLinkGivesTheContactUnlessTheServiceSaysToShowStart() {
        data.municipality(751, "Aarhus Kommune");
        SelfServiceDetails service = data.publishedMunicipal(Map.of(751, base + "/gone/aarhus", 101, base + "/ok"));
        String start = "/handlingsside/" + service.slug() + "/start?kommunekode=751";
        assertThat(mvc.get().uri(start)).hasHeader("Location", base + "/gone/aarhus");

        listeners.awaitAll();
        checks.checkDue();
        listeners.awaitAll();

        assertThat(mvc.get().uri(start)).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", "/handlingsside/" + service.slug() + "?kommunekode=751#start");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "?kommunekode=751")).bodyText()
                .contains("Selvbetjeningen hos Aarhus virker ikke lige nu")
                .contains("Ring til kommunen:");
        assertThat(mvc.get().uri("/handlingsside/" + service.slug() + "/start?kommunekode=101"))
                .hasHeader("Location", base + "/ok");

        AccountFixtures.TestAccount editor = accounts.editor();
        accounts.runAs(editor, () -> services.setStartWhenLinkBroken(service.id(), true));
        assertThat(mvc.get().uri(start)).hasHeader("Location", base + "/gone/aarhus");
    }

    @Test
    void eachAuthorityGetsADigestOfItsBrokenLinks() {
        data.municipality(851, "Aalborg Kommune");
        SelfServiceDetails service = data.publishedMunicipal(Map.of(851, base + "/gone/aalborg"));
        listeners.awaitAll();
        checks.checkDue();
        listeners.awaitAll();
        long before = outbox.to("post@kommune-851.dk").size();
        assertThat(digest.send()).isGreaterThanOrEqualTo(1);
        assertThat(outbox.to("post@kommune-851.dk")).hasSize((int) before + 1)
                .last().satisfies(mail -> assertThat(mail.subject()).startsWith("Brudte links til jeres selvbetjening"));
        assertThat(service.title()).isNotBlank();
    }

    @Test
    void editorsSeeTheDashboardMostUsedFirstAndOthersDoNot() {
        data.publishedNational(base + "/dashboard");
        listeners.awaitAll();
        checks.checkDue();
        AccountFixtures.TestAccount editor = accounts.editor();
        MockHttpSession session = (MockHttpSession) mvc.post().uri("/redaktion/log-ind").with(csrf())
                .param("email", editor.email()).param("password", editor.password()).exchange()
                .getRequest().getSession(false);
        // a working URL is listed under "Alle" (the page opens on what needs action)
        assertThat(mvc.get().uri("/redaktion/linktjek?udfald=ALLE").session(session)).hasStatusOk().bodyText()
                .contains(base + "/dashboard").contains("Startknap ved brudte links");
        assertThat(mvc.get().uri("/redaktion/linktjek")).hasStatus(HttpStatus.FOUND);
    }
}
