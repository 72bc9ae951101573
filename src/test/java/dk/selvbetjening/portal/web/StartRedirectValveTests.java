package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.usage.StartCounterProbe;
import org.apache.tomcat.util.buf.ByteChunk;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The start redirect on a real Tomcat, where {@link StartRedirectValve} answers it ahead of the servlet pipeline: the
 * same targets and cookie as the controller gives ({@code ActionPageWebControllerTests}), counted, with only a
 * redirect's headers (none of the document headers Spring Security's chain would add, which shows that the valve
 * answered), HSTS only over https as the trusted proxy reports it; and whatever the valve does not know goes on to
 * the normal way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartRedirectValveTests {

    private static final String KK = "https://www.kk.dk/daginstitution";
    private static final Set<String> REDIRECT_HEADERS =
            Set.of("location", "cache-control", "set-cookie", "strict-transport-security", "date", "content-length",
                    "keep-alive", "connection", "x-request-id");

    @LocalServerPort
    int port;

    @Autowired
    PortalTestData data;

    @Autowired
    StartCounterProbe starts;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SelfServiceDetails municipal;
    SelfServiceDetails national;

    @BeforeAll
    void publish() {
        data.municipality(147, "Frederiksberg Kommune");
        municipal = data.publishedMunicipal(Map.of(101, KK, 147, ""));
        national = data.publishedNational("https://www.borger.dk/flytning-valve");
    }

    private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertARedirectWithOnlyItsHeaders(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValue("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(new TreeSet<>(response.headers().map().keySet())).as("no body, so no document headers")
                .allSatisfy(name -> assertThat(REDIRECT_HEADERS).contains(name))
                .doesNotContain("x-frame-options", "content-security-policy", "x-content-type-options");
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-Request-Id")).as("an id as every other answer has")
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }

    @Test
    void aStartWithATargetGoesThereKeepsTheLinksMunicipalityForTheVisitAndIsCounted() throws Exception {
        String path = "/handlingsside/" + municipal.slug() + "/start?kommunekode=101";
        starts.flush();
        LocalDate day = LocalDate.now(clock);
        long before = starts.writtenFrom(municipal.id(), 101, day);
        HttpResponse<String> response = get(path, null);
        assertARedirectWithOnlyItsHeaders(response);
        assertThat(response.headers().firstValue("Location")).hasValue(KK);
        assertThat(response.headers().allValues("Set-Cookie")).as("the link's code, for this visit")
                .anySatisfy(c -> assertThat(c).startsWith("kommunekode-fra-link=101").doesNotContain("Max-Age"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("not over plain http").isEmpty();
        starts.flush();
        assertThat(starts.writtenFrom(municipal.id(), 101, day)).isEqualTo(before + 1);
    }

    @Test
    void withoutATargetItGoesBackToThePageUncounted() throws Exception {
        HttpResponse<String> noLink = get("/handlingsside/" + municipal.slug() + "/start?kommunekode=147", null);
        assertARedirectWithOnlyItsHeaders(noLink);
        assertThat(noLink.headers().firstValue("Location"))
                .hasValue("/handlingsside/" + municipal.slug() + "?kommunekode=147#start");
        HttpResponse<String> noMunicipality = get("/handlingsside/" + municipal.slug() + "/start", null);
        assertARedirectWithOnlyItsHeaders(noMunicipality);
        assertThat(noMunicipality.headers().firstValue("Location"))
                .hasValue("/handlingsside/" + municipal.slug() + "?kommune=mangler#start");
        assertThat(noMunicipality.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> unknownCode = get("/handlingsside/" + municipal.slug() + "/start?kommunekode=4610", null);
        assertARedirectWithOnlyItsHeaders(unknownCode);
        assertThat(unknownCode.headers().firstValue("Location"))
                .hasValue("/handlingsside/" + municipal.slug() + "?kommunekode=4610#start");
    }

    @Test
    void overHttpsAsTheTrustedProxySaysItCarriesHsts() throws Exception {
        HttpResponse<String> response = get("/handlingsside/" + national.slug() + "/start", "https");
        assertARedirectWithOnlyItsHeaders(response);
        assertThat(response.headers().firstValue("Location")).hasValue("https://www.borger.dk/flytning-valve");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void whatTheValveDoesNotKnowGoesTheNormalWay() throws Exception {
        HttpResponse<String> unknown = get("/handlingsside/findes-ikke/start?kommunekode=101", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Siden findes ikke");
        assertThat(unknown.headers().firstValue("Content-Security-Policy")).isPresent();
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/handlingsside/" + national.slug() + "/start"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("only GET is a start").isNotEqualTo(303);
        HttpResponse<String> page = get("/handlingsside/" + national.slug(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    /**
     * The valve reads {@code kommunekode} from the raw query string only where it is exactly one known code; every
     * other request is read the normal way. Either way its answer (status, Location, cookies, what is counted) is the
     * controller's, which answers the same request where the valve is not (MockMvc: no Tomcat, which is also why a
     * {@code +} is left out here: MockMvc does not read it as a space). Columns: the query
     * string after the slug's start ({@code -}: none), the cookie header ({@code -}: none), https as the trusted
     * proxy says, the method.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ?kommunekode=101                  | -                                  | false | GET
            ?KommuneKode=101                  | -                                  | false | GET
            ?kommunekode=0101                 | -                                  | false | GET
            ?kommunekode=147                  | -                                  | false | GET
            ?kommunekode=%31%30%31            | -                                  | false | GET
            ?kommunekode=%20101               | -                                  | false | GET
            ?kommunekode=101&kommunekode=147  | -                                  | false | GET
            ?kommunekode=147&kommunekode=101  | -                                  | false | GET
            ?kommunekode=101&kommune=mangler  | -                                  | false | GET
            ?x=1&kommunekode=101              | -                                  | false | GET
            ?kommunekode=999                  | -                                  | false | GET
            ?kommunekode=4610                 | -                                  | false | GET
            ?kommunekode=1010                 | -                                  | false | GET
            ?kommunekode=10                   | -                                  | false | GET
            ?kommunekode=10a                  | -                                  | false | GET
            ?kommunekode=                     | -                                  | false | GET
            ?kommunekodex=101                 | -                                  | false | GET
            ?                                 | -                                  | false | GET
            -                                 | -                                  | false | GET
            -                                 | kommunekode=101                    | false | GET
            -                                 | kommunekode-fra-link=147           | false | GET
            -                                 | kommunekode=147; kommunekode-fra-link=101 | false | GET
            -                                 | kommunekode=999                    | false | GET
            ?kommunekode=101                  | kommunekode=101                    | false | GET
            ?kommunekode=101                  | kommunekode-fra-link=101           | false | GET
            ?kommunekode=101                  | kommunekode=147                    | false | GET
            ?kommunekode=4610                 | kommunekode=101                    | false | GET
            ?kommunekode=101                  | -                                  | true  | GET
            -                                 | kommunekode=101                    | true  | GET
            ?kommunekode=101                  | -                                  | false | HEAD
            ?kommunekode=101                  | -                                  | true  | HEAD
            """)
    void theValvesAnswerIsTheNormalWays(String query, String cookies, boolean https, String method) throws Exception {
        LocalDate day = LocalDate.now(clock);
        for (SelfServiceDetails service : List.of(municipal, national)) {
            String path = "/handlingsside/" + service.slug() + "/start" + ("-".equals(query) ? "" : query);
            long[] before = counted(service, day);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (!"-".equals(cookies)) {
                request.header("Cookie", cookies);
            }
            if (https) {
                request.header("X-Forwarded-Proto", "https");
            }
            HttpResponse<String> valve = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long[] byValve = delta(before, counted(service, day));

            MockHttpServletRequestBuilder normal = MockMvcRequestBuilders.request(method, URI.create(path))
                    .secure(https);
            if (!"-".equals(cookies)) {
                for (String cookie : cookies.split("; ")) {
                    String[] nameAndValue = cookie.split("=", 2);
                    normal.cookie(new Cookie(nameAndValue[0], nameAndValue[1]));
                }
            }
            before = counted(service, day);
            MockHttpServletResponse controller = mvc.perform(normal).andReturn().getResponse();
            long[] byController = delta(before, counted(service, day));

            String what = method + " " + path + " cookies " + cookies + (https ? " over https" : "");
            assertThat(valve.statusCode()).as(what).isEqualTo(controller.getStatus()).isEqualTo(303);
            assertThat(valve.headers().firstValue("Location")).as(what).hasValue(controller.getHeader("Location"));
            assertThat(valve.headers().allValues("Set-Cookie")).as(what)
                    .isEqualTo(controller.getHeaders("Set-Cookie"));
            assertThat(valve.headers().firstValue("Strict-Transport-Security")).as(what)
                    .isEqualTo(Optional.ofNullable(controller.getHeader("Strict-Transport-Security")));
            assertThat(byValve).as(what + ": starts counted").isEqualTo(byController);
        }
    }

    /**
     * The starts written of {@code service}: national, and in municipalities 101 and 147, from {@code day} (read
     * before the starts) to today, so a run across midnight counts them all.
     */
    private long[] counted(SelfServiceDetails service, LocalDate day) {
        starts.flush();
        return new long[] {starts.writtenFrom(service.id(), 0, day), starts.writtenFrom(service.id(), 101, day),
            starts.writtenFrom(service.id(), 147, day)};
    }

    private static long[] delta(long[] before, long[] after) {
        long[] delta = new long[before.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = after[i] - before[i];
        }
        return delta;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kommunekode=101    | 101
            KOMMUNEKODE=0101   | 101
            kommunekode=999    | 999
            kommunekode=100    | 100
            kommunekode=1000   | -1
            kommunekode=099    | -1
            kommunekode=10     | -1
            kommunekode=10001  | -1
            kommunekode=1a1    | -1
            kommunekode=%3101  | -1
            kommunekode=+101   | -1
            kommunekode        | -1
            kommunekodf=101    | -1
            kommunekode:101    | -1
            kommunekode=101&a  | -1
            ''                 | -1
            """)
    void readsOnlyASingleCodeFromTheRawQuery(String query, int code) {
        byte[] bytes = ("xx" + query + "yy").getBytes(StandardCharsets.US_ASCII);
        ByteChunk chunk = new ByteChunk();
        chunk.setBytes(bytes, 2, bytes.length - 4);
        assertThat(StartRedirectValve.linkCode(chunk)).isEqualTo(code);
    }
}
