package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind the TLS-terminating proxy, on a real Tomcat with the production profile (postgres, on a real PostgreSQL):
 * the proxy on 127.0.0.1 is trusted (server.tomcat.remoteip.internal-proxies), so its X-Forwarded-For names the
 * client and its X-Forwarded-Proto says whether the citizen used https. A client connecting from 127.0.0.2 is not
 * a trusted proxy: whatever it forwards, it is itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.password=unused", "selvbetjening.linkcheck.enabled=false",
        "SELVBETJENING_CONNECTION_TOKEN_SECRET=a-test-only-status-link-secret-of-40-chars",
        "SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL=forste.redaktoer@kommune.dk",
        "SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD=en-lang-adgangskode-til-proxy-testen",
        "selvbetjening.actionpage.checks-per-minute=2"})
@ActiveProfiles("postgres")
@Import(EmbeddedPostgresConfiguration.class)
class TrustedProxyTests {

    private static final String HSTS = "max-age=31536000 ; includeSubDomains";
    private static final String UNTRUSTED = "127.0.0.2";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> viaProxy(String path, String client, String protocol) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").header("X-Forwarded-For", client);
        if (protocol != null) {
            request.header("X-Forwarded-Proto", protocol);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> checkViaProxy(String client) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/action-pages/check"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Søg om noget\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private RawHttp.Response checkFromUntrusted(String forwardedFor) {
        byte[] body = "{\"title\":\"Søg om noget\"}".getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(UNTRUSTED, port, "POST", "/api/v1/action-pages/check",
                Map.of("Content-Type", "application/json", "Content-Length", Integer.toString(body.length),
                        "X-Forwarded-For", forwardedFor, "X-Forwarded-Proto", "https"),
                new ByteArrayInputStream(body), false, Duration.ofSeconds(20));
    }

    @Test
    void pagesCarryHstsOnlyWhenTheTrustedProxySaysTheCitizenUsedHttps() throws Exception {
        for (String path : List.of("/", "/tilslut", "/vaelg-kommune", "/redaktion/log-ind", "/findes-ikke")) {
            assertThat(viaProxy(path, "198.51.100.1", "https").headers().firstValue("Strict-Transport-Security"))
                    .as(path).hasValue(HSTS);
            assertThat(viaProxy(path, "198.51.100.1", null).headers().firstValue("Strict-Transport-Security"))
                    .as(path + " over plain http").isEmpty();
        }
        RawHttp.Response spoofed = RawHttp.get(UNTRUSTED, port, "/",
                Map.of("X-Forwarded-For", "198.51.100.1", "X-Forwarded-Proto", "https"));
        assertThat(spoofed.status()).isEqualTo(200);
        assertThat(spoofed.header("Strict-Transport-Security")).as("an untrusted source cannot claim https").isNull();
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = viaProxy("/redaktion/log-ind", "198.51.100.2", "https");

        assertThat(login.statusCode()).isEqualTo(200);
        // the postgres profile keeps sessions in the database (Spring Session JDBC, ADR 0018), whose cookie is SESSION
        assertThat(cookie(login, "SESSION")).contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theMunicipalityCookieIsSecureHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> chosen = viaProxy("/vaelg-kommune?kommunekode=101&returnTo=/", "198.51.100.3", "https");

        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(cookie(chosen, "kommunekode")).contains("kommunekode=101", "Secure", "HttpOnly", "SameSite=Lax");
    }

    /** The parts of the one Set-Cookie header for {@code name}. */
    private static List<String> cookie(HttpResponse<String> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "=")).toList();
        assertThat(cookies).as(name).hasSize(1);
        return List.of(cookies.get(0).split(";\\s*"));
    }

    @Test
    void distinctForwardedClientsHaveDistinctAllowances() throws Exception {
        assertThat(checkViaProxy("203.0.113.10").statusCode()).isEqualTo(200);
        assertThat(checkViaProxy("203.0.113.10").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = checkViaProxy("203.0.113.10");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(refused.body()).contains("\"status\":429")
                .contains("Du har sendt mange forespørgsler på kort tid.");

        assertThat(checkViaProxy("203.0.113.11").statusCode()).as("another client behind the same proxy")
                .isEqualTo(200);
        assertThat(checkViaProxy("198.51.100.99, 203.0.113.12").statusCode())
                .as("the client is the last address the trusted proxy forwards").isEqualTo(200);
    }

    @Test
    void twoIpv6AddressesInOneSlashSixtyFourAreOneClient() throws Exception {
        assertThat(checkViaProxy("2001:db8:5:6::1").statusCode()).isEqualTo(200);
        assertThat(checkViaProxy("2001:db8:5:6:ffff:1:2:3").statusCode()).isEqualTo(200);
        assertThat(checkViaProxy("2001:db8:5:6::abcd").statusCode()).as("same /64, same allowance")
                .isEqualTo(429);
        assertThat(checkViaProxy("2001:db8:5:7::1").statusCode()).as("the next /64 is someone else")
                .isEqualTo(200);
    }

    @Test
    void anUntrustedSourceCannotSpoofItsAddress() {
        assertThat(checkFromUntrusted("192.0.2.1").status()).isEqualTo(200);
        assertThat(checkFromUntrusted("192.0.2.2").status()).isEqualTo(200);

        RawHttp.Response refused = checkFromUntrusted("192.0.2.3");
        assertThat(refused.status()).as("a new X-Forwarded-For from an untrusted source is no new client")
                .isEqualTo(429);
        assertThat(refused.header("Strict-Transport-Security")).isNull();
    }
}
