package dk.selvbetjening.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.notification.OutgoingMail;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.usage.StartCounter;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes of the whole application on one PostgreSQL database (ADR 0018), sharing one pair of nodes: a login on one
 * node holds on the other, wrong passwords on one count on the other (ADR 0034), a scheduled go-live and an outbox mail happen once while both nodes poll, the start counts of
 * both nodes add up, and a node killed while it holds a job lock is replaced by the other once the lock expires.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTests {

    private static final Duration GO_LIVE_LOCK = Duration.ofSeconds(4);

    static GreenMail smtp;
    static TwoNodes nodes;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        nodes = TwoNodes.start(List.of(ResubmissionProbe.class),
                "selvbetjening.events.resubmission.interval=PT0.5S",
                "selvbetjening.events.resubmission.older-than=PT2S",
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
                "selvbetjening.notification.poll-interval=PT0.2S",
                "selvbetjening.actionpage.go-live-poll=PT0.5S",
                "selvbetjening.actionpage.go-live-lock-at-most-for=PT" + GO_LIVE_LOCK.toSeconds() + "S",
                "selvbetjening.usage.start-flush-interval=PT0.5S");
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void aLoginOnOneNodeHoldsOnTheOtherWithItsCsrfToken() throws Exception {
        String a = nodes.a().baseUrl();
        String b = nodes.b().baseUrl();

        // Log in on A
        HttpResponse<String> loginPage = get(a + "/redaktion/log-ind", null);
        String anonymous = sessionCookie(loginPage);
        HttpResponse<String> login = post(a + "/redaktion/log-ind", anonymous, Map.of("email", TwoNodes.EDITOR,
                "password", TwoNodes.PASSWORD, "_csrf", csrf(loginPage)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/redaktion"));
        String session = sessionCookie(login);

        // B knows the session: the backoffice opens instead of sending to the login page
        HttpResponse<String> onB = get(b + "/redaktion/konti", session);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(get(b + "/redaktion/konti", null).statusCode()).as("without the session").isEqualTo(302);

        // A form read on A is posted to B with A's CSRF token; its one-time flash message is read back on A
        String token = csrf(get(a + "/redaktion/konti", session));
        String email = "ny.redaktoer." + UUID.randomUUID() + "@redaktion.example";
        HttpResponse<String> created = post(b + "/redaktion/konti", session, Map.of("_csrf", token, "email", email,
                "displayName", "Ny redaktør", "role", "EDITOR", "authorityId", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Document shown = Jsoup.parse(get(a + "/redaktion/konti", session).body());
        assertThat(shown.select(".alert-heading").text()).contains(email);
        assertThat(nodes.database().sql("SELECT COUNT(*) FROM account WHERE email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);

        // A post to B without a token, or with a made-up one, is refused
        assertThat(post(b + "/redaktion/konti", session, Map.of("_csrf", "forkert", "email", "x@y.dk",
                "displayName", "X", "role", "EDITOR")).statusCode()).isEqualTo(403);
        assertThat(nodes.database().sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :editor")
                .param("editor", TwoNodes.EDITOR).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void wrongPasswordsOnOneNodeCountOnTheOther() throws Exception {
        // One client behind the trusted proxy (loopback): ten wrong passwords, alternately on A and B, use up its
        // allowance on both nodes together (ADR 0034), not ten on each
        String client = "198.51.100.44";
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> refused = wrongPassword(i % 2 == 0 ? nodes.a() : nodes.b(), client);
            assertThat(refused.headers().firstValue("Location")).as("failure " + (i + 1))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/redaktion/log-ind?fejl"));
        }
        for (TwoNodes.Node node : List.of(nodes.a(), nodes.b())) {
            HttpResponse<String> held = wrongPassword(node, client);
            assertThat(held.headers().firstValue("Location")).as(node.name())
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/redaktion/log-ind?for-mange-forsoeg"));
            assertThat(held.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(nodes.database().sql("SELECT used FROM client_allowance WHERE kind = 'login' AND client = :client")
                .param("client", client).query(Integer.class).single()).isEqualTo(10);
    }

    private HttpResponse<String> wrongPassword(TwoNodes.Node node, String client) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/redaktion/log-ind"))
                .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = "email=" + URLEncoder.encode(TwoNodes.EDITOR, StandardCharsets.UTF_8)
                + "&password=forkert&_csrf=" + URLEncoder.encode(csrf(page), StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/redaktion/log-ind"))
                .header("X-Forwarded-For", client).header("Cookie", sessionCookie(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(2)
    void aScheduledGoLiveHappensOnceWhileBothNodesPoll() {
        SelfServiceDetails service = nodes.a().bean(PortalTestData.class)
                .publishedNational("https://planlagt.example.dk/" + UUID.randomUUID());
        int before = published(service);
        schedule(service, "Den planlagte tekst.", Duration.ofSeconds(2));

        await().atMost(Duration.ofSeconds(20)).until(() -> liveIntro(service).equals("Den planlagte tekst."));
        // Both nodes go on polling; the page stays published once
        sleep(Duration.ofSeconds(2));
        assertThat(published(service)).isEqualTo(before + 1);
        // the go-live's events reach every listener, which run after its commit on a task executor a loaded machine
        // may keep busy for longer than the wait above; one that failed would stay
        await().atMost(Duration.ofSeconds(20)).until(() -> nodes.database().sql("SELECT COUNT(*) FROM event_publication")
                .query(Long.class).single() == 0);
    }

    @Test
    @Order(3)
    void anOutboxMailIsSentOnceWhileBothNodesPoll() throws Exception {
        int mails = 20;
        TransactionTemplate transactions = nodes.b().bean(TransactionTemplate.class);
        MailOutbox outbox = nodes.b().bean(MailOutbox.class);
        SystemPrincipal.run(() -> transactions.executeWithoutResult(status -> {
            for (int i = 0; i < mails; i++) {
                outbox.enqueue(new OutgoingMail("modtager" + i + "@kommune.example", "Besked " + i, "Hej " + i));
            }
        }));

        assertThat(smtp.waitForIncomingEmail(20_000, mails)).isTrue();
        sleep(Duration.ofSeconds(2));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(mails);
        assertThat(Arrays.stream(received).map(message -> {
            try {
                return message.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(mails);
        // a mail is marked sent just after the SMTP server took it
        await().atMost(Duration.ofSeconds(20)).until(() -> nodes.database()
                .sql("SELECT COUNT(*) FROM outbox_mail WHERE status = 'SENT'").query(Long.class).single() == mails);
    }

    @Test
    @Order(4)
    void theStartCountsOfBothNodesAddUp() {
        SelfServiceDetails service = nodes.a().bean(PortalTestData.class)
                .publishedNational("https://start.example.dk/" + UUID.randomUUID());
        // Each node counts in its own memory and adds its counts to the same rows every half second
        StartCounter onA = nodes.a().bean(StartCounter.class);
        StartCounter onB = nodes.b().bean(StartCounter.class);
        CompletableFuture<Void> pressesOnA = CompletableFuture.runAsync(() -> press(onA, service, 300));
        CompletableFuture<Void> pressesOnB = CompletableFuture.runAsync(() -> press(onB, service, 700));
        CompletableFuture.allOf(pressesOnA, pressesOnB).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> starts(service) == 1000);
        sleep(Duration.ofSeconds(2));
        assertThat(starts(service)).isEqualTo(1000);
    }

    private static void press(StartCounter counter, SelfServiceDetails service, int times) {
        for (int i = 0; i < times; i++) {
            counter.count(service.id(), null);
            if (i % 50 == 0) {
                sleep(Duration.ofMillis(100));
            }
        }
    }

    @Test
    @Order(5)
    void anEventWhoseListenerDidNotFinishIsDeliveredAgainByOneNode() {
        UUID id = UUID.randomUUID();
        TransactionTemplate transactions = nodes.a().bean(TransactionTemplate.class);
        transactions.executeWithoutResult(status -> nodes.a().context().publishEvent(new Probed(id)));

        // The first delivery fails; both nodes look for incomplete publications every half second, and after two
        // seconds one of them delivers the event again
        await().atMost(Duration.ofSeconds(30)).until(() -> ResubmissionProbe.deliveries(id) == 2);
        sleep(Duration.ofSeconds(3));
        assertThat(ResubmissionProbe.deliveries(id)).isEqualTo(2);
        assertThat(nodes.database().sql("SELECT COUNT(*) FROM event_publication WHERE listener_id = :listener")
                .param("listener", ResubmissionProbe.LISTENER).query(Long.class).single()).isZero();
    }

    /** A module event of this test only. */
    public record Probed(UUID id) {
    }

    /** Counts the deliveries of {@link Probed} on both nodes (one JVM); the first delivery of each fails. */
    public static class ResubmissionProbe {

        static final String LISTENER = "cluster.resubmission-probe";
        private static final Map<UUID, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

        static int deliveries(UUID id) {
            return DELIVERIES.getOrDefault(id, new AtomicInteger()).get();
        }

        @ApplicationModuleListener(id = LISTENER)
        void on(Probed event) {
            if (DELIVERIES.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("The first delivery fails, as when its node dies half-way");
            }
        }
    }

    @Test
    @Order(6)
    void aNodeKilledWhileHoldingAJobLockIsReplacedOnceTheLockExpires() {
        SelfServiceDetails service = nodes.a().bean(PortalTestData.class)
                .publishedNational("https://overtaget.example.dk/" + UUID.randomUUID());
        int before = published(service);

        // B takes the go-live job's lock as its poll does, and dies with it
        LockProvider locks = nodes.b().bean(LockProvider.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> locks.lock(new LockConfiguration(ClockProvider.now(),
                "actionpage.go-live", GO_LIVE_LOCK, Duration.ZERO)).isPresent());
        // read before the kill: stopping B can take longer than the lock lives on a loaded machine, and then A's own
        // poll holds the row when it is read
        Instant lockUntil = nodes.database().sql("SELECT lock_until FROM shedlock WHERE name = 'actionpage.go-live'")
                .query(java.time.LocalDateTime.class).single().toInstant(java.time.ZoneOffset.UTC);
        nodes.b().kill();

        schedule(service, "Den overtagne tekst.", Duration.ofSeconds(1));

        await().pollInterval(Duration.ofMillis(100)).atMost(GO_LIVE_LOCK.plusSeconds(15))
                .until(() -> liveIntro(service).equals("Den overtagne tekst."));
        assertThat(published(service)).isEqualTo(before + 1);
        Instant wentLive = nodes.a().bean(AuditLog.class).history(SelfServiceService.AUDIT_TYPE, service.id()).stream()
                .filter(entry -> entry.action().equals("handlingsside udgivet")).map(entry -> entry.occurredAt())
                .max(Instant::compareTo).orElseThrow();
        assertThat(wentLive).as("A waits until the dead node's lock has expired").isAfterOrEqualTo(lockUntil);
        assertThat(nodes.database().sql("SELECT locked_by FROM shedlock WHERE name = 'actionpage.go-live'")
                .query(String.class).single()).isNotBlank();
    }

    // --- helpers

    private int published(SelfServiceDetails service) {
        return (int) nodes.a().bean(AuditLog.class).history(SelfServiceService.AUDIT_TYPE, service.id()).stream()
                .filter(entry -> entry.action().equals("handlingsside udgivet")).count();
    }

    private String liveIntro(SelfServiceDetails service) {
        return nodes.a().bean(ActionPageService.class).find(service.id()).orElseThrow().content().intro();
    }

    /**
     * An editor on A schedules a new text for the service's action page (one that passes the guide's checks, as in
     * ActionPageServiceTests) to go live {@code later} than when the draft is saved (saving may take a while on a busy
     * machine, and a go-live time in the past is refused).
     */
    private static void schedule(SelfServiceDetails service, String intro, Duration later) {
        AccountFixtures accounts = nodes.a().bean(AccountFixtures.class);
        ActionPageService actionPages = nodes.a().bean(ActionPageService.class);
        accounts.runAs(accounts.editor(), () -> {
            actionPages.saveDraft(service.id(), new ActionPageContent("Meld flytning", intro,
                    List.of("Du skal bruge MitID."), null, null,
                    "Ring til kommunen, hvis du ikke kan bruge selvbetjeningen.", "Du får svar i Digital Post.", null));
            return actionPages.schedule(service.id(), Instant.now().plus(later));
        });
    }

    private long starts(SelfServiceDetails service) {
        JdbcClient database = nodes.database();
        return database.sql("SELECT COALESCE(SUM(starts), 0) FROM start_count WHERE self_service_id = :id")
                .param("id", service.id()).query(Long.class).single();
    }

    private HttpResponse<String> get(String url, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String url, String session, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The session cookie the response sets, as {@code name=value}. */
    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private static String csrf(HttpResponse<String> page) {
        String token = Jsoup.parse(page.body()).select("input[name=_csrf]").val();
        assertThat(token).as("CSRF token on " + page.uri()).isNotBlank();
        return token;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
