package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The committed docs/api/openapi.yaml must equal what the code serves. To update it after an intended API
 * change: {@code ./mvnw test -Dtest=OpenApiSpecTests -Dopenapi.write=true}, then review the diff.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiSpecTests {

    private static final Path COMMITTED = Path.of("docs/api/openapi.yaml");

    @Autowired
    MockMvcTester mvc;

    @Test
    void committedSpecEqualsTheServedSpec() throws IOException {
        String served = mvc.get().uri("/v3/api-docs.yaml").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(served).contains("/api/v1/services/{slug}").contains("/api/v1/municipalities");
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).exists();
        assertThat(normalize(served))
                .as("docs/api/openapi.yaml differs from the served spec; see the class comment to update it")
                .isEqualTo(normalize(Files.readString(COMMITTED, StandardCharsets.UTF_8)));
    }

    private static String normalize(String yaml) {
        return yaml.replace("\r\n", "\n").strip();
    }
}
