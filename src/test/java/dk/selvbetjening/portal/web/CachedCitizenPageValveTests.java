package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The cached action page on a real Tomcat, where {@link CachedCitizenPageValve} answers it in Tomcat's engine, before
 * any request reaches the web application (counted by a request listener, which Tomcat tells of every request that
 * enters it): the same status, bytes, headers and cookie as the normal way, plain, gzip and 304, HSTS as the trusted
 * proxy reports https; what is not in memory, or must not come from it, goes the normal way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachedCitizenPageValveTests {

    @TestConfiguration
    static class CountRequests {

        static final AtomicInteger ENTERED = new AtomicInteger();

        @Bean
        ServletListenerRegistrationBean<ServletRequestListener> requestCounter() {
            return new ServletListenerRegistrationBean<>(new ServletRequestListener() {
                @Override
                public void requestInitialized(ServletRequestEvent event) {
                    ENTERED.incrementAndGet();
                }
            });
        }
    }

    @Autowired
    PortalTestData data;

    @Autowired
    ServletWebServerApplicationContext context;

    @LocalServerPort
    int port;

    LoopbackClient client;

    @BeforeAll
    void client() {
        client = new LoopbackClient(port);
    }

    /** A municipal self-service published now, whose pages nobody has asked for yet. */
    private SelfServiceDetails fresh() {
        return data.publishedMunicipal(Map.of(101, "https://www.kk.dk/valve-" + System.nanoTime()));
    }

    /** The request's response, and whether it entered the web application (else the valve answered). */
    private record Answer(HttpResponse<byte[]> response, boolean enteredTheApplication) {
    }

    private Answer answer(String path, String... headers) throws Exception {
        int before = CountRequests.ENTERED.get();
        HttpResponse<byte[]> response = client.get(path, headers);
        return new Answer(response, CountRequests.ENTERED.get() != before);
    }

    private static void assertSameAnswer(Answer normal, Answer memory) {
        assertThat(normal.enteredTheApplication()).as("the first answer is the normal way's").isTrue();
        assertThat(memory.enteredTheApplication()).as("the valve answered from memory").isFalse();
        assertThat(memory.response().statusCode()).isEqualTo(normal.response().statusCode());
        assertThat(memory.response().body()).isEqualTo(normal.response().body());
        assertThat(LoopbackClient.comparableHeaders(memory.response())).isEqualTo(LoopbackClient.comparableHeaders(normal.response()));
    }

    @Test
    void aRenderedPageIsAnsweredBeforeTheApplicationWithTheSameBytesHeadersAndCookie() throws Exception {
        String path = "/handlingsside/" + fresh().slug() + "?kommunekode=101";
        Answer normal = answer(path);
        Answer memory = answer(path);
        assertSameAnswer(normal, memory);
        assertThat(memory.response().headers().allValues("Set-Cookie")).as("the link's municipality, for the visit")
                .singleElement().asString().startsWith("kommunekode-fra-link=101");
        assertThat(memory.response().headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(memory.response().headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
    }

    @Test
    void gzipAnd304AndHttpsAreTheSameFromMemoryAsTheNormalWay() throws Exception {
        List<String[]> requests = List.of(new String[] {"Accept-Encoding", "gzip"},
                new String[] {"X-Forwarded-Proto", "https"}, new String[] {"Cookie", "kommunekode=101"},
                new String[] {"If-None-Match", "*"});
        for (String[] headers : requests) {
            // a new self-service each round, so that its first request goes the normal way
            String path = "/handlingsside/" + fresh().slug() + (headers[0].equals("Cookie") ? "" : "?kommunekode=101");
            assertSameAnswer(answer(path, headers), answer(path, headers));
        }
        String https = "/handlingsside/" + fresh().slug() + "?kommunekode=101";
        client.get(https, "X-Forwarded-Proto", "https");
        assertThat(answer(https, "X-Forwarded-Proto", "https").response().headers()
                .firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void whatIsNotInMemoryOrMustNotComeFromItGoesTheNormalWay() throws Exception {
        SelfServiceDetails municipal = fresh();
        String unknownCode = "/handlingsside/" + municipal.slug() + "?kommunekode=4610";
        client.get(unknownCode);
        Answer again = answer(unknownCode);
        assertThat(again.enteredTheApplication()).as("a page that echoes the request is never kept").isTrue();
        assertThat(new String(again.response().body(), StandardCharsets.UTF_8))
                .contains("Vi kender ikke kommunekoden");
        Answer unknownSlug = answer("/handlingsside/findes-ikke");
        assertThat(unknownSlug.enteredTheApplication()).isTrue();
        assertThat(unknownSlug.response().statusCode()).isEqualTo(404);
        String known = "/handlingsside/" + municipal.slug() + "?kommunekode=101";
        client.get(known);
        int before = CountRequests.ENTERED.get();
        assertThat(client.send("HEAD", known).statusCode()).isEqualTo(200);
        assertThat(CountRequests.ENTERED.get()).as("only GET comes from memory").isGreaterThan(before);
    }

    /** The raw header lines of a GET (sorted; Date's and X-Request-Id's values left out), and the body's length. */
    private List<String> rawHeaders(String path, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] response = socket.getInputStream().readAllBytes();
            String text = new String(response, StandardCharsets.ISO_8859_1);
            String head = text.substring(0, text.indexOf("\r\n\r\n"));
            List<String> lines = new ArrayList<>();
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                lines.add(lower.startsWith("date:") ? "Date: <now>"
                        : lower.startsWith("x-request-id:") ? "X-Request-Id: " + (line.substring(14).strip()
                                .matches("[0-9a-f]{16}") ? "<16 hex digits>" : line.substring(14).strip())
                        : line);
            }
            lines.add("<body of " + (response.length - head.length() - 4) + " bytes>");
            Collections.sort(lines);
            return lines;
        }
    }

    @Test
    void theHeadersFromMemoryAreTheNormalWaysByteForByte() throws Exception {
        List<String[]> requests = List.of(new String[0], new String[] {"Accept-Encoding", "gzip"},
                new String[] {"X-Forwarded-Proto", "https", "Accept-Encoding", "gzip"},
                new String[] {"Cookie", "kommunekode=101"}, new String[] {"If-None-Match", "*"},
                new String[] {"X-Request-Id", "proxy-7.a_b"});
        for (String[] headers : requests) {
            String path = "/handlingsside/" + fresh().slug() + (headers.length > 0 && headers[0].equals("Cookie") ? ""
                    : "?kommunekode=101");
            int before = CountRequests.ENTERED.get();
            List<String> normal = rawHeaders(path, headers);
            assertThat(CountRequests.ENTERED.get()).as("the first answer is the normal way's").isGreaterThan(before);
            before = CountRequests.ENTERED.get();
            List<String> memory = rawHeaders(path, headers);
            assertThat(CountRequests.ENTERED.get()).as("the valve answered from memory").isEqualTo(before);
            assertThat(memory).as(String.join(" ", headers)).isEqualTo(normal);
        }
    }

    @Test
    void theValvesAnswerAheadOfTheRemoteIpValveWithItsHttpsAndTrust() throws Exception {
        assertThat(LoopbackClient.engineValves(context)).extracting(Valve::getClass)
                .startsWith(CachedCitizenPageValve.class, StartRedirectValve.class, RemoteIpValve.class);
        String path = "/handlingsside/" + fresh().slug() + "?kommunekode=101";
        client.get(path);
        Answer memory = answer(path, "X-Request-Id", "proxy-7.a_b", "X-Forwarded-Proto", "https");
        assertThat(memory.enteredTheApplication()).isFalse();
        assertThat(memory.response().headers().firstValue("X-Request-Id")).as("from the trusted proxy (loopback)")
                .hasValue("proxy-7.a_b");
        assertThat(memory.response().headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(memory.response().headers().allValues("Set-Cookie")).singleElement().asString().contains("Secure");
        HttpResponse<byte[]> start = client.get(path.replace("?", "/start?"), "X-Request-Id", "proxy-8",
                "X-Forwarded-Proto", "https, https");
        assertThat(start.statusCode()).isEqualTo(303);
        assertThat(start.headers().firstValue("X-Request-Id")).hasValue("proxy-8");
        assertThat(start.headers().firstValue("Strict-Transport-Security")).isPresent();
        HttpResponse<byte[]> plain = client.get(path.replace("?", "/start?"), "X-Forwarded-Proto", "http");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }
}
