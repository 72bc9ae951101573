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
 * The citizen fast paths with {@code server.forward-headers-strategy=none}: the valves answer in Tomcat's engine, and
 * like every other page they take no proxy's word for https: a request is http as it reached Tomcat (ADR 0024).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=none")
class NoForwardedHeadersTests {

    @Autowired
    PortalTestData data;

    @Autowired
    ServletWebServerApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void theValvesAnswerAndTakeNoForwardedHttpsAsNoOtherPageDoes() throws Exception {
        assertThat(LoopbackClient.engineValves(context)).extracting(Valve::getClass)
                .startsWith(CachedCitizenPageValve.class, StartRedirectValve.class);
        LoopbackClient client = new LoopbackClient(port);
        SelfServiceDetails service = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/none"));
        String path = "/handlingsside/" + service.slug() + "?kommunekode=101";
        for (String each : new String[] {path, path, path.replace("?", "/start?")}) {
            HttpResponse<byte[]> response = client.get(each, "X-Forwarded-Proto", "https");
            assertThat(response.statusCode()).isIn(200, 303);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(each).isEmpty();
            assertThat(response.headers().allValues("Set-Cookie")).as(each)
                    .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
        }
    }
}
