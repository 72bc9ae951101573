package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What browsers, caching proxies and CDNs are told about the citizen pages (ADR 0024): a page that its URL alone
 * decides is public for a short while, a page a municipality cookie decides is private and varies by cookie, so no
 * citizen is ever handed another's municipality; an entity tag answered by 304; gzip bytes from memory. Each checked
 * the normal way (rendered by the controller) and from memory ({@link CachedCitizenPageFilter}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenPageCachingTests {

    static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

    /** Every combination of the two municipality cookies worth trying: none, either, both, disagreeing, nonsense. */
    static final List<List<Cookie>> COOKIES = List.of(
            List.of(),
            List.of(new Cookie("kommunekode", "101")),
            List.of(new Cookie("kommunekode", "461")),
            List.of(new Cookie("kommunekode-fra-link", "101")),
            List.of(new Cookie("kommunekode-fra-link", "461")),
            List.of(new Cookie("kommunekode", "101"), new Cookie("kommunekode-fra-link", "461")),
            List.of(new Cookie("kommunekode", "461"), new Cookie("kommunekode-fra-link", "101")),
            List.of(new Cookie("kommunekode", "abc"), new Cookie("kommunekode-fra-link", "9999")),
            List.of(new Cookie("JSESSIONID", "0123456789ABCDEF"), new Cookie("kommunekode", "101")));

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    SelfServiceDetails municipal;
    SelfServiceDetails national;

    @BeforeAll
    void publish() {
        data.municipality(461, "Odense Kommune");
        municipal = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/cache", 461, "https://www.odense.dk/cache"));
        national = data.publishedNational("https://www.borger.dk/cache");
    }

    private MvcTestResult get(String uri, List<Cookie> cookies, String... headers) {
        var request = mvc.get().uri(uri);
        if (!cookies.isEmpty()) {
            request.cookie(cookies.toArray(Cookie[]::new));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    /** The same request twice: the second is answered from memory when the first rendered a page to keep. */
    private List<MockHttpServletResponse> twice(String uri, List<Cookie> cookies, String... headers) {
        return List.of(get(uri, cookies, headers).getResponse(), get(uri, cookies, headers).getResponse());
    }

    private static String page(SelfServiceDetails service, String query) {
        return "/handlingsside/" + service.slug() + query;
    }

    @Test
    void aPageThatIsPublicIsTheSameWhateverTheCookiesSay() {
        int publicAnswers = 0;
        int privateAnswers = 0;
        for (SelfServiceDetails service : List.of(municipal, national)) {
            for (String query : List.of("", "?kommunekode=101", "?kommunekode=0461", "?KommuneKode=101",
                    "?kommunekode=", "?kommune=mangler", "?kommunekode=101&kommune=mangler")) {
                byte[] withoutCookies = get(page(service, query), List.of()).getResponse().getContentAsByteArray();
                for (List<Cookie> cookies : COOKIES) {
                    for (MockHttpServletResponse response : twice(page(service, query), cookies)) {
                        String cacheControl = response.getHeader("Cache-Control");
                        String what = page(service, query) + " with " + describe(cookies);
                        if (cacheControl.contains("public")) {
                            publicAnswers++;
                            assertThat(response.getContentAsByteArray()).as(what).isEqualTo(withoutCookies);
                            assertThat(response.getHeader("Vary")).as(what).isEqualTo("Accept-Encoding");
                        } else {
                            privateAnswers++;
                            assertThat(cacheControl).as(what).isEqualTo("private, no-cache");
                            assertThat(response.getHeader("Vary")).as(what).isEqualTo("Accept-Encoding, Cookie");
                        }
                    }
                }
            }
        }
        assertThat(publicAnswers).as("both kinds were seen").isPositive();
        assertThat(privateAnswers).isPositive();
    }

    @Test
    void aMunicipalPageWithoutAMunicipalityInTheLinkIsNeverPublicWhateverTheCookies() {
        for (String query : List.of("", "?kommunekode=", "?kommune=mangler", "?andet=1")) {
            for (List<Cookie> cookies : COOKIES) {
                for (MockHttpServletResponse response : twice(page(municipal, query), cookies)) {
                    String what = query + " with " + describe(cookies);
                    assertThat(response.getHeader("Cache-Control")).as(what).isEqualTo("private, no-cache")
                            .doesNotContain("public");
                    assertThat(response.getHeaders("Vary")).as(what).containsExactly("Accept-Encoding, Cookie");
                    assertThat(response.getHeader("Pragma")).as(what).isNull();
                }
            }
        }
        // and it has to be: the cookie decides what it shows
        assertThat(get(page(municipal, ""), List.of(new Cookie("kommunekode", "101")))).bodyText()
                .contains("Din kommune: København.");
        assertThat(get(page(municipal, ""), List.of(new Cookie("kommunekode", "461")))).bodyText()
                .contains("Din kommune: Odense.");
    }

    @Test
    void aMunicipalityInTheLinkMakesTheMunicipalPagePublicAndItsCookieIsTheLinks() throws Exception {
        for (List<Cookie> cookies : COOKIES) {
            for (MockHttpServletResponse response : twice(page(municipal, "?kommunekode=101"), cookies)) {
                assertThat(response.getHeader("Cache-Control")).as(describe(cookies)).isEqualTo(PUBLIC);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Din kommune: København.");
                for (String setCookie : response.getHeaders("Set-Cookie")) {
                    assertThat(setCookie).as("what a shared cache hands on is what the link means")
                            .startsWith("kommunekode-fra-link=101;");
                }
            }
        }
    }

    @Test
    void aNationalPageTheFrontPageAndATopicArePublic() {
        for (String uri : List.of(page(national, ""), page(national, "?kommunekode=461"), "/",
                "/emner/familie-og-boern")) {
            for (MockHttpServletResponse response : twice(uri, List.of(new Cookie("kommunekode", "101")))) {
                assertThat(response.getStatus()).as(uri).isEqualTo(200);
                assertThat(response.getHeader("Cache-Control")).as(uri).isEqualTo(PUBLIC);
                assertThat(response.getHeaders("Vary")).as(uri).containsExactly("Accept-Encoding");
                assertThat(response.getHeader("ETag")).as(uri).matches("\"[A-Za-z0-9_-]{20}\"");
                assertThat(response.getHeader("Pragma")).as(uri).isNull();
                assertThat(response.getHeader("Expires")).as(uri).isNull();
                assertThat(response.getHeader("Content-Security-Policy")).as(uri).contains("frame-ancestors 'none'");
            }
        }
    }

    @Test
    void aPageThatEchoesAnUnknownCodeIsNeverStored() {
        for (List<Cookie> cookies : COOKIES) {
            MockHttpServletResponse response = get(page(municipal, "?kommunekode=9999"), cookies).getResponse();
            assertThat(response.getHeader("Cache-Control")).isEqualTo(NO_STORE);
            assertThat(response.getHeader("ETag")).isNull();
        }
    }

    @Test
    void anIfNoneMatchNamingThePageIsAnswered304WithItsCachingHeadersAndNoBody() {
        SelfServiceDetails fresh = data.publishedNational("https://www.borger.dk/ny-" + System.nanoTime());
        for (String uri : List.of(page(fresh, ""), page(municipal, ""), "/", "/emner/familie-og-boern")) {
            MockHttpServletResponse first = get(uri, List.of()).getResponse();
            String tag = first.getHeader("ETag");
            for (String ifNoneMatch : List.of(tag, "W/" + tag, "\"other\", " + tag, "*")) {
                for (MockHttpServletResponse again : twice(uri, List.of(), "If-None-Match", ifNoneMatch)) {
                    assertThat(again.getStatus()).as(uri + " " + ifNoneMatch).isEqualTo(304);
                    assertThat(again.getContentAsByteArray()).isEmpty();
                    assertThat(again.getHeader("ETag")).isEqualTo(tag);
                    assertThat(again.getHeader("Cache-Control")).isEqualTo(first.getHeader("Cache-Control"));
                    assertThat(again.getHeaders("Vary")).isEqualTo(first.getHeaders("Vary"));
                }
            }
            for (String other : List.of("\"other\"", tag.replace("\"", "\"x"), tag.replace("\"", "") + "-gzip")) {
                MockHttpServletResponse changed = get(uri, List.of(), "If-None-Match", other).getResponse();
                assertThat(changed.getStatus()).as(uri + " " + other).isEqualTo(200);
                assertThat(changed.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
            }
        }
    }

    @Test
    void theTagNamesTheBytesSoAnotherMunicipalityOrEncodingHasAnother() {
        String kk = get(page(municipal, "?kommunekode=101"), List.of()).getResponse().getHeader("ETag");
        String odense = get(page(municipal, "?kommunekode=461"), List.of()).getResponse().getHeader("ETag");
        String kkGzip = get(page(municipal, "?kommunekode=101"), List.of(), "Accept-Encoding", "gzip").getResponse()
                .getHeader("ETag");
        assertThat(List.of(kk, odense, kkGzip)).doesNotHaveDuplicates();
        assertThat(get(page(municipal, "?kommunekode=101"), List.of(), "If-None-Match", odense).getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(get(page(municipal, "?kommunekode=101"), List.of(), "Accept-Encoding", "gzip", "If-None-Match",
                kk).getResponse().getStatus()).as("the plain tag does not name the gzip bytes").isEqualTo(200);
        assertThat(get(page(municipal, "?kommunekode=101"), List.of(), "Accept-Encoding", "gzip", "If-None-Match",
                kkGzip).getResponse().getStatus()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "gzip, deflate, br, zstd", "br;q=1.0, gzip; q=0.8, *;q=0.1", "*", "GZIP",
            "identity, x-gzip", "x-gzip;q=0, gzip", " br ,  gzip\t", "X-GZIP,", ",*"})
    void aClientThatTakesGzipGetsTheGzipBytesWhichAreThePlainPage(String acceptEncoding) {
        SelfServiceDetails fresh = data.publishedNational("https://www.borger.dk/gzip-" + System.nanoTime());
        for (String uri : List.of(page(fresh, ""), page(municipal, "?kommunekode=461"), page(municipal, ""), "/")) {
            // gzip first: on the fresh page the first answer is the normal way's, the second from memory
            List<MockHttpServletResponse> responses = twice(uri, List.of(), "Accept-Encoding", acceptEncoding);
            byte[] plain = get(uri, List.of()).getResponse().getContentAsByteArray();
            for (MockHttpServletResponse response : responses) {
                assertThat(response.getHeader("Content-Encoding")).as(uri).isEqualTo("gzip");
                assertThat(response.getHeader("Vary")).as(uri).startsWith("Accept-Encoding");
                assertThat(response.getHeader("ETag")).as(uri).endsWith("-gzip\"");
                assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
                assertThat(response.getContentAsByteArray().length).as("compressed").isLessThan(plain.length / 2);
                assertThat(gunzip(response.getContentAsByteArray())).as(uri).isEqualTo(plain);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "br", "deflate, br", "gzip;q=0", "gzip;q=0, *", "*;q=0", "gzip;q=x",
            "gzip;q=0.000", "gzip;q=", "gzip;q=1.5", "gzipped, br", "xgzip", ",", "g zip", "**"})
    void aClientThatDoesNotTakeGzipGetsThePlainBytes(String acceptEncoding) {
        String uri = page(national, "");
        byte[] plain = get(uri, List.of()).getResponse().getContentAsByteArray();
        for (MockHttpServletResponse response : twice(uri, List.of(), "Accept-Encoding", acceptEncoding)) {
            assertThat(response.getHeader("Content-Encoding")).as(acceptEncoding).isNull();
            assertThat(response.getContentAsByteArray()).isEqualTo(plain);
        }
    }

    @Test
    void fromMemoryAndTheNormalWayGiveTheSameHeadersForGzipAnd304() {
        SelfServiceDetails fresh = data.publishedNational("https://www.borger.dk/ens-" + System.nanoTime());
        String uri = page(fresh, "?kommunekode=101");
        String tag = null;
        for (String[] headers : List.of(new String[] {"Accept-Encoding", "gzip"}, new String[] {"If-None-Match", "*"})) {
            MvcTestResult normal = get(uri, List.of(), headers);
            MvcTestResult memory = get(uri, List.of(), headers);
            assertThat(memory.getMvcResult().getHandler()).as("answered from memory").isNull();
            // every answer has its own request id, from memory too
            List<String> names = new ArrayList<>(normal.getResponse().getHeaderNames());
            assertThat(memory.getResponse().getHeaderNames()).containsExactlyInAnyOrderElementsOf(names);
            assertThat(memory.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f]{16}")
                    .isNotEqualTo(normal.getResponse().getHeader("X-Request-Id"));
            names.remove("X-Request-Id");
            for (String header : names) {
                assertThat(memory.getResponse().getHeaders(header)).as(header)
                        .isEqualTo(normal.getResponse().getHeaders(header));
            }
            assertThat(memory.getResponse().getContentAsByteArray())
                    .isEqualTo(normal.getResponse().getContentAsByteArray());
            tag = normal.getResponse().getHeader("ETag");
            // the next round's first request must go the normal way again: a new generation
            fresh = data.publishedNational("https://www.borger.dk/ens-" + System.nanoTime());
            uri = page(fresh, "?kommunekode=101");
        }
        assertThat(tag).isNotNull();
    }

    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Cookie> cookies) {
        List<String> names = new ArrayList<>();
        cookies.forEach(cookie -> names.add(cookie.getName() + "=" + cookie.getValue()));
        return names.isEmpty() ? "no cookies" : String.join("; ", names);
    }
}
