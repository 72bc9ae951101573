package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The security filters' problem documents stay JSON whatever their Danish texts contain. */
class SecurityProblemTests {

    @Test
    void writesQuotesBackslashesAndLineBreaksAsJson() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityConfiguration.problem(response, 401, "Nøglen \"prod\" virker ikke", "Brug C:\\nøgler\nog prøv igen.");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail");
        assertThat(problem.get("title").asString()).isEqualTo("Nøglen \"prod\" virker ikke");
        assertThat(problem.get("detail").asString()).isEqualTo("Brug C:\\nøgler\nog prøv igen.");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
    }
}
