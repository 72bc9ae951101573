package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import org.apache.catalina.Valve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The citizen fast paths with {@code server.forward-headers-strategy=framework}: the proxy's https reaches the
 * application through Spring's {@code ForwardedHeaderFilter} in the filter chain, not through a valve of Tomcat's
 * engine. An action page from memory and a start behind a TLS-terminating proxy carry HSTS and a {@code Secure} visit
 * cookie, as the normal way gives them (ADR 0024).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=framework")
class FrameworkForwardedHeadersTests {

    private static final String[] HTTPS = {"X-Forwarded-Proto", "https"};

    @Autowired
    PortalTestData data;

    @Autowired
    ServletWebServerApplicationContext context;

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return new LoopbackClient(port).get(path, headers);
    }

    private static void assertHttps(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(response.headers().allValues("Set-Cookie")).as("the link's municipality, for the visit")
                .singleElement().asString().startsWith("kommunekode-fra-link=101").contains("; Secure");
    }

    @Test
    void noValveAnswersAheadOfTheForwardedHeaderFilter() {
        assertThat(LoopbackClient.engineValves(context)).extracting(Valve::getClass)
                .doesNotContain(CachedCitizenPageValve.class, StartRedirectValve.class);
    }

    @Test
    void anActionPageFromMemoryBehindATlsProxyCarriesHstsAndASecureCookieAsTheNormalWay() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/framework-page"));
        String path = "/handlingsside/" + service.slug() + "?kommunekode=101";
        HttpResponse<byte[]> normal = get(path, HTTPS);
        HttpResponse<byte[]> memory = get(path, HTTPS);
        assertThat(memory.statusCode()).isEqualTo(200);
        assertHttps(normal);
        assertHttps(memory);
        assertThat(LoopbackClient.comparableHeaders(memory)).isEqualTo(LoopbackClient.comparableHeaders(normal));
        assertThat(memory.body()).isEqualTo(normal.body());
    }

    @Test
    void aStartBehindATlsProxyCarriesHstsAndASecureCookie() throws Exception {
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/framework-start"));
        String start = "/handlingsside/" + service.slug() + "/start?kommunekode=101";
        HttpResponse<byte[]> response = get(start, HTTPS);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).isEqualTo("https://www.kk.dk/framework-start"));
        assertHttps(response);
        HttpResponse<byte[]> plain = get(start);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }
}
