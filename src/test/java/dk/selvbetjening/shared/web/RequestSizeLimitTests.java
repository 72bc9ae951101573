package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.municipallink.LinkFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The anonymous uploads' size limits on a real server. A request stating a length over its path's limit is answered
 * at once, before its body is read; one without a length (chunked) is read only up to the limit. The Word import
 * answers a Danish 413 problem, the connection form its page with the Danish reason at the file, the guide check
 * (JSON) a Danish 413 problem. The editors' CSV import keeps its larger limit under the container's hard cap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestSizeLimitTests {

    private static final String BOUNDARY = "graense-7f3a";
    private static final String IMPORT = "/api/v1/action-pages/import";
    private static final String FORM_UPLOAD = "/tilslut/indlaes-skabelon";
    private static final String CHECK = "/api/v1/action-pages/check";
    private static final long MB = 1024 * 1024;
    private static final String TOO_LARGE = """
            {"type":"about:blank","title":"Filen er for stor","status":413,\
            "detail":"Filen er større end 5 MB. Fjern billeder fra dokumentet, og prøv igen.",\
            "instance":"/api/v1/action-pages/import"}""";

    @LocalServerPort
    int port;

    @Autowired
    ActionPageDocx docx;

    @Autowired
    AccountFixtures accounts;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] head(String fileName) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head("side.docx"));
        body.writeBytes(file);
        body.writeBytes(tail());
        return body.toByteArray();
    }

    /** A multipart body around a file of {@code size} zero bytes, made as it is sent. */
    private static InputStream largeMultipart(long size) {
        InputStream zeros = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head("stor.docx")), zeros),
                new ByteArrayInputStream(tail()));
    }

    private RawHttp.Response sendRaw(String path, String contentType, Map<String, String> extra, InputStream body,
            boolean chunked) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(extra);
        headers.put("Content-Type", contentType);
        headers.put("Accept", "text/html,application/json");
        return RawHttp.send("127.0.0.1", port, "POST", path, headers, body, chunked, Duration.ofSeconds(30));
    }

    @Test
    void anUploadThatStatesALengthOverTheLimitIsADanish413() throws Exception {
        HttpResponse<String> response = post(IMPORT, HttpRequest.BodyPublishers.ofByteArray(
                multipart(new byte[(int) ActionPageDocx.MAX_BYTES + 100 * 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {IMPORT, FORM_UPLOAD})
    void aStatedLengthOverTheLimitIsAnsweredBeforeTheBodyIsSent(String path) {
        RawHttp.Response response = sendRaw(path, "multipart/form-data; boundary=" + BOUNDARY,
                Map.of("Content-Length", Long.toString(60 * MB)), new ByteArrayInputStream(head("stor.docx")), false);

        assertThat(response.status()).as("answered while 60 MB are still to come").isEqualTo(413);
        assertTooLargeInDanish(path, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {IMPORT, FORM_UPLOAD})
    void aChunkedUploadIsReadOnlyUpToTheLimit(String path) {
        RawHttp.Response response = sendRaw(path, "multipart/form-data; boundary=" + BOUNDARY, Map.of(),
                largeMultipart(60 * MB), true);

        assertThat(response.status()).isEqualTo(413);
        assertTooLargeInDanish(path, response);
        assertThat(response.bodyBytesSent()).as("the server stopped reading near 5 MB, not at the container's cap")
                .isLessThan(20 * MB);
    }

    private static void assertTooLargeInDanish(String path, RawHttp.Response response) {
        if (path.equals(IMPORT)) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).isEqualTo(TOO_LARGE);
        } else {
            assertThat(response.header("Content-Type")).startsWith("text/html");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("#templateFile-error").text())
                    .isEqualTo("Fejl: Filen er større end 5 MB. Fjern billeder fra dokumentet, og prøv igen.");
            assertThat(page.select("form.connection-form button[formaction=/tilslut/indlaes-skabelon]"))
                    .as("the form, to try again").hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {IMPORT, FORM_UPLOAD})
    void aChunkedUploadUnderTheLimitIsRead(String path) throws Exception {
        byte[] body = multipart(docx.template());

        HttpResponse<String> response = post(path, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        if (path.equals(IMPORT)) {
            assertThat(response.body()).startsWith("{\"actionPage\":{").endsWith("\"unplaced\":[]}");
        } else {
            assertThat(Jsoup.parse(response.body()).select(".alert-success .alert-heading").text())
                    .isEqualTo("Teksten fra Word-filen er sat ind");
        }
    }

    @Test
    void aGuideCheckOverTwoMegabytesIsA413WhetherItStatesItsLengthOrNot() {
        byte[] json = ("{\"intro\": \"" + "a".repeat((int) (3 * MB)) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : new boolean[] {false, true}) {
            Map<String, String> length = chunked ? Map.of() : Map.of("Content-Length", Integer.toString(json.length));
            RawHttp.Response response = sendRaw(CHECK, "application/json", length, new ByteArrayInputStream(json),
                    chunked);

            assertThat(response.status()).as(chunked ? "chunked" : "with a length").isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).isEqualTo("""
                    {"type":"about:blank","title":"Forespørgslen er for stor","status":413,\
                    "detail":"Forespørgslen er større end 2 MB. Send en mindre tekst.",\
                    "instance":"/api/v1/action-pages/check"}""");
        }
    }

    @Test
    void aConnectionRequestOverTwoMegabytesIsA413WhetherItStatesItsLengthOrNot() {
        byte[] json = ("{\"kind\": \"NEW\", \"shortDescription\": \"" + "a".repeat((int) (3 * MB)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : new boolean[] {false, true}) {
            Map<String, String> length = chunked ? Map.of() : Map.of("Content-Length", Integer.toString(json.length));
            RawHttp.Response response = sendRaw("/api/v1/connection-requests", "application/json", length,
                    new ByteArrayInputStream(json), chunked);

            assertThat(response.status()).as(chunked ? "chunked" : "with a length").isEqualTo(413);
            assertThat(response.body()).isEqualTo("""
                    {"type":"about:blank","title":"Anmodningen er for stor","status":413,\
                    "detail":"Anmodningen er større end 2 MB. Send en kortere tekst.",\
                    "instance":"/api/v1/connection-requests"}""");
        }
    }

    @Test
    void aGuideCheckUnderTheLimitIsCheckedEvenWhenChunked() {
        byte[] json = "{\"title\": \"Søg om boligstøtte\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = sendRaw(CHECK, "application/json", Map.of(), new ByteArrayInputStream(json), true);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"findings\":[");
    }

    @Test
    void theEditorsCsvImportStillTakesAFileUpToItsTwentyMegabytes() throws Exception {
        String editor = accounts.editor().basic();
        byte[] almost = LinkFiles.csv("101;findes-ikke;https://" + "a".repeat((int) (20 * MB - 200)));
        byte[] over = new byte[(int) (20 * MB) + 1];

        HttpResponse<String> read = postCsv(almost, editor);
        HttpResponse<String> refused = postCsv(over, editor);

        assertThat(read.statusCode()).as("read, and its row reported, not refused for its size").isEqualTo(422);
        assertThat(read.body()).contains("\"errors\"");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("Den må højst fylde 20 MB.");
    }

    private HttpResponse<String> postCsv(byte[] file, String authorization) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"links.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(tail());
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/municipal-links/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
