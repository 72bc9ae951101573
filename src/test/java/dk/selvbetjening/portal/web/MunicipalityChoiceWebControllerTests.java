package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class MunicipalityChoiceWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void showsAnAccessibleChooserThatReturnsToThePage() {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune?returnTo=/handlingsside/meld-flytning").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("<form method=\"get\" action=\"/vaelg-kommune\"")
                .contains("<input type=\"hidden\" name=\"returnTo\" value=\"/handlingsside/meld-flytning\">")
                .contains("<label class=\"form-label\" for=\"kommune\">Vælg din kommune</label>");
    }

    @Test
    void remembersTheChoiceAndGoesBackWithTheMunicipalityInTheLink() {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune")
                .queryParam("returnTo", "/handlingsside/meld-flytning?kommunekode=101&x=1")
                .queryParam("kommunekode", "0751").exchange();
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", "/handlingsside/meld-flytning?x=1&kommunekode=751");
        assertThat(result).cookies().hasValue("kommunekode", "751");
        assertThat(result).cookies().hasCookieSatisfying("kommunekode", c -> {
            assertThat(c.isHttpOnly()).isTrue();
            assertThat(c.getPath()).isEqualTo("/");
            assertThat(c.getMaxAge()).as("remembered for a year").isEqualTo(365 * 24 * 3600);
            assertThat(c.getAttribute("SameSite")).isEqualTo("Lax");
        });
    }

    @Test
    void showsTheCurrentChoiceFromTheCookie() {
        assertThat(mvc.get().uri("/vaelg-kommune").cookie(new Cookie("kommunekode", "851"))).bodyText()
                .contains("Din kommune er nu Aalborg.")
                .contains("<option value=\"851\" selected=\"selected\">Aalborg</option>");
    }

    @Test
    void saysWhatToFixWhenTheChoiceIsNotAMunicipality() {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune?returnTo=/&kommunekode=42").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).cookies().doesNotContainCookie("kommunekode");
        assertThat(result).bodyText().contains("Fejl: Vælg kommune").contains("Vælg din kommune på listen.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"})
    void refusesToReturnAnywhereButThisSite(String returnTo) {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune").queryParam("returnTo", returnTo)
                .queryParam("kommunekode", "101").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).doesNotContainHeader("Location");
        assertThat(result).bodyText().contains("Linket peger ikke på en side her.");
    }
}
