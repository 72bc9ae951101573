package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gzip bytes kept in memory on a real Tomcat, with its compression on (server.compression.enabled): sent as they
 * are, once compressed, never compressed again by Tomcat (which would also weaken the tag to {@code W/}); a page
 * rendered per request is still compressed by Tomcat. java.net.http does not decompress, so the bytes are the wire's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenPageCompressionTests {

    @LocalServerPort
    int port;

    @Autowired
    PortalTestData data;

    SelfServiceDetails municipal;

    @BeforeAll
    void publish() {
        municipal = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/gzip"));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return new LoopbackClient(port).get(path, headers);
    }

    @Test
    void theGzipBytesFromMemoryAreCompressedOnceAndDecompressToThePlainPage() throws Exception {
        for (String path : List.of("/handlingsside/" + municipal.slug() + "?kommunekode=101",
                "/handlingsside/" + municipal.slug(), "/", "/emner/familie-og-boern")) {
            HttpResponse<byte[]> plain = get(path);
            // twice: the normal way renders the page (for the action page), the second answer comes from memory
            for (int round = 0; round < 2; round++) {
                HttpResponse<byte[]> gzip = get(path, "Accept-Encoding", "gzip, deflate, br");
                assertThat(gzip.statusCode()).as(path).isEqualTo(200);
                assertThat(gzip.headers().allValues("Content-Encoding")).as(path).containsExactly("gzip");
                assertThat(gzip.headers().firstValue("ETag")).as("a strong tag: Tomcat did not compress").get()
                        .asString().startsWith("\"").endsWith("-gzip\"");
                assertThat(gzip.headers().allValues("Vary")).as(path).hasSize(1);
                assertThat(gzip.headers().firstValue("Vary").orElseThrow()).startsWith("Accept-Encoding");
                assertThat(gzip.headers().firstValueAsLong("Content-Length")).hasValue(gzip.body().length);
                assertThat(gunzip(gzip.body())).as(path + ": decompressed once, the plain page").isEqualTo(plain.body());
            }
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void a304HasNoBodyOverTheWireEither() throws Exception {
        String path = "/handlingsside/" + municipal.slug() + "?kommunekode=101";
        String tag = get(path, "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get(path, "Accept-Encoding", "gzip", "If-None-Match", tag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(tag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue(CitizenPageCachingTests.PUBLIC);
    }

    @Test
    void aPageRenderedPerRequestIsStillCompressedByTomcat() throws Exception {
        HttpResponse<byte[]> gzip = get("/handlingsside/" + municipal.slug() + "?kommunekode=9999",
                "Accept-Encoding", "gzip");
        assertThat(gzip.headers().allValues("Content-Encoding")).containsExactly("gzip");
        assertThat(new String(gunzip(gzip.body()), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Vi kender ikke kommunekoden");
        assertThat(gzip.headers().firstValue("Cache-Control")).hasValue(CitizenPageCachingTests.NO_STORE);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
