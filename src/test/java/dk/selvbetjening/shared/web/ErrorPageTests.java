package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Error pages through the real server's error handling: Danish, and never what went wrong inside. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErrorPageTests.FailingController.class)
class ErrorPageTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnexpectedErrorShowsAnErrorIdAndNothingElseOfTheCause() throws Exception {
        HttpResponse<String> response = get("/test/fejl");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("Der skete en fejl hos os")
                .containsPattern("Fejlnummer: [0-9a-f]{8}\\.")
                .doesNotContain("hemmelig")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at dk.selvbetjening");
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
