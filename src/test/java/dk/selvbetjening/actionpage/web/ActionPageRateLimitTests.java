package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.selvbetjening.actionpage.word.ActionPageDocx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The anonymous check and import have an allowance per client; over it, a Danish 429 problem with Retry-After. */
@SpringBootTest(properties = {"selvbetjening.actionpage.checks-per-minute=2",
        "selvbetjening.actionpage.imports-per-minute=2"})
@AutoConfigureMockMvc
class ActionPageRateLimitTests {

    private static final String TOO_MANY = """
            {"type": "about:blank", "title": "For mange forespørgsler", "status": 429,
             "detail": "Du har sendt mange forespørgsler på kort tid. Vent %s sekunder, og prøv igen."}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ActionPageDocx docx;

    private MvcTestResult check(String client) {
        return mvc.post().uri("/api/v1/action-pages/check").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Søg om boligstøtte\"}").with(from(client)).exchange();
    }

    private MvcTestResult importFrom(String client) {
        return mvc.post().uri("/api/v1/action-pages/import")
                .multipart().file(new MockMultipartFile("file", "side.docx", ActionPageDocx.MEDIA_TYPE, docx.template()))
                .with(from(client)).exchange();
    }

    private static RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    @Test
    void theThirdCheckInAMinuteIsToldToWait() {
        assertThat(check("192.0.2.31")).hasStatusOk();
        assertThat(check("192.0.2.31")).hasStatusOk();

        assertToldToWaitInDanish(check("192.0.2.31"));
        assertThat(check("192.0.2.32")).as("another client has its own allowance").hasStatusOk();
    }

    @Test
    void theThirdImportInAMinuteIsToldToWait() {
        assertThat(importFrom("192.0.2.41")).hasStatusOk();
        assertThat(importFrom("192.0.2.41")).hasStatusOk();

        assertToldToWaitInDanish(importFrom("192.0.2.41"));
        assertThat(check("192.0.2.41")).as("checking has an allowance of its own").hasStatusOk();
        assertThat(importFrom("192.0.2.42")).as("another client has its own allowance").hasStatusOk();
    }

    private static void assertToldToWaitInDanish(MvcTestResult refused) {
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String retryAfter = refused.getResponse().getHeader("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        assertThat(refused).bodyJson().isLenientlyEqualTo(TOO_MANY.formatted(retryAfter));
    }

    @Test
    void ipv6AddressesInOneSlashSixtyFourShareTheAllowance() {
        assertThat(check("2001:db8:77:1::1")).hasStatusOk();
        assertThat(check("2001:db8:77:1::2")).hasStatusOk();
        assertThat(check("2001:db8:77:1:8000::3")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }
}
