package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Error pages through the real server's error handling: Danish, and never what went wrong inside; the error id is the
 * request's id, also in its response header and its log lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErrorPageTests.FailingController.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorPageTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnexpectedErrorShowsAnErrorIdAndNothingElseOfTheCause() throws Exception {
        HttpResponse<String> response = get("/test/fejl");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("Der skete en fejl hos os")
                .containsPattern("Fejl-id: [0-9a-f]{16}\\.")
                .doesNotContain("hemmelig")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at dk.selvbetjening");
    }

    @Test
    void theErrorIdIsTheRequestIdOfTheHeaderAndOfTheRequestsLogLines(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/test/fejl");
        String id = response.headers().firstValue(RequestId.HEADER).orElseThrow();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(response.body()).contains("Fejl-id: " + id + ".");
        assertThat(output.getOut()).containsPattern("\\[" + id + "] .*Error id " + id + " at /test/fejl");
    }

    @Test
    void aTrustedProxysWellFormedRequestIdIsKeptAndAnyOtherIsReplaced() throws Exception {
        // The test client is on 127.0.0.1, a trusted proxy by default (server.tomcat.remoteip.internal-proxies)
        HttpResponse<String> kept = get("/test/fejl", RequestId.HEADER, "nginx-4f2a9c", "X-Forwarded-For", "192.0.2.7");
        assertThat(kept.headers().firstValue(RequestId.HEADER)).hasValue("nginx-4f2a9c");
        assertThat(kept.body()).contains("Fejl-id: nginx-4f2a9c.");

        HttpResponse<String> replaced = get("/test/fejl", RequestId.HEADER, "<script>", "X-Forwarded-For", "192.0.2.7");
        String generated = replaced.headers().firstValue(RequestId.HEADER).orElseThrow();
        assertThat(generated).matches("[0-9a-f]{16}");
        // the page has script elements of its own (<script src=…>): the given value is neither shown nor escaped
        assertThat(replaced.body()).contains("Fejl-id: " + generated + ".").doesNotContain("<script>")
                .doesNotContain("&lt;script&gt;");
    }

    @Test
    void anUnknownAddressGetsTheDanish404Page() throws Exception {
        HttpResponse<String> response = get("/findes/ikke");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Siden findes ikke").contains("lang=\"da\"");
    }

    @RestController
    static class FailingController {

        @GetMapping("/test/fejl")
        String fail() {
            throw new IllegalStateException("hemmelig detalje om databasen");
        }
    }
}
