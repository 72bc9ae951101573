package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every page's Content Security Policy: nothing inline (no style attribute, no style or script element), no other
 * origin, no base element pointing elsewhere, no framing. HSTS only on requests that came over https.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Autowired
    MockMvcTester mvc;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/emner/familie-og-boern", "/vaelg-kommune", "/tilslut", "/redaktion/log-ind",
            "/findes-ikke", "/kommuner/101/direkte-links"})
    void everyPageHasTheExactPolicy(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();

        assertThat(result.getResponse().getHeader("Content-Security-Policy")).as(path).isEqualTo(POLICY);
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).isEqualTo(POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/tilslut", "/redaktion/log-ind", "/api/v1/topics"})
    void hstsIsSentOnlyOverHttps(String path) {
        assertThat(mvc.get().uri(path).secure(true).exchange().getResponse().getHeader("Strict-Transport-Security"))
                .as(path).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(mvc.get().uri(path).exchange().getResponse().getHeader("Strict-Transport-Security")).as(path)
                .isNull();
    }
}
