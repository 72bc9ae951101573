package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the setting on, every console log line is a JSON object (ECS) carrying the request's id.
 *
 * <p>Logback is set up once per JVM by the first application context, and the test contexts stay open: this class has
 * it set up again for its own context, and afterwards as the application's properties say, for the tests after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@Import(ErrorPageTests.FailingController.class)
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

    @LocalServerPort
    int port;

    @BeforeAll
    static void letThisContextSetUpLogging() {
        LoggingSystem.get(StructuredLoggingTests.class.getClassLoader()).cleanUp();
    }

    @AfterAll
    static void setUpLoggingAsTheApplicationDoes() throws Exception {
        LoggingSystem logging = LoggingSystem.get(StructuredLoggingTests.class.getClassLoader());
        logging.cleanUp();
        // Spring Boot hands the setting to Logback as a system property
        System.clearProperty(org.springframework.boot.logging.LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT
                .getEnvironmentVariableName());
        logging.beforeInitialize();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }

    @Test
    void aRequestsLogLineIsJsonWithItsRequestId(CapturedOutput output) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/fejl")).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = response.headers().firstValue(RequestId.HEADER).orElseThrow();

        List<String> lines = output.getOut().lines().filter(line -> line.contains(id)).toList();
        assertThat(lines).isNotEmpty();
        JsonNode line = JsonMapper.builder().build().readTree(lines.get(0));
        assertThat(line.path(RequestId.MDC_KEY).asString()).isEqualTo(id);
        assertThat(line.path("log").path("level").asString()).isEqualTo("ERROR");
        assertThat(line.path("message").asString()).isEqualTo("Error id " + id + " at /test/fejl");
    }
}
