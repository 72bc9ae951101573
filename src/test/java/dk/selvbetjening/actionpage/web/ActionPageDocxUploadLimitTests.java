package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dk.selvbetjening.actionpage.ActionPageDocx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import's size limit on a real server: a request stating a length over the limit is answered before its body is
 * read, and one without a length (chunked) over the servlet container's multipart limit gets the same Danish 413.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=2MB"})
class ActionPageDocxUploadLimitTests {

    private static final String BOUNDARY = "graense-7f3a";
    private static final String TOO_LARGE = """
            {"type":"about:blank","title":"Filen er for stor","status":413,\
            "detail":"Filen er større end 5 MB. Fjern billeder fra dokumentet, og prøv igen.",\
            "instance":"/api/v1/action-pages/import"}""";

    @LocalServerPort
    int port;

    @Autowired
    ActionPageDocx docx;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/action-pages/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"side.docx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void anUploadThatStatesALengthOverTheLimitIsADanish413() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(
                multipart(new byte[(int) ActionPageDocx.MAX_BYTES + 100 * 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedUploadOverTheContainersLimitIsADanish413() throws Exception {
        byte[] body = multipart(new byte[3 * 1024 * 1024]);

        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedUploadUnderTheLimitsIsRead() throws Exception {
        byte[] body = multipart(docx.template());

        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"actionPage\":{").endsWith("\"unplaced\":[]}");
    }
}
