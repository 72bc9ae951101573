package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.nio.charset.StandardCharsets;

import dk.selvbetjening.account.SecuredWebSlice;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.CitizenSnapshots;
import dk.selvbetjening.portal.PortalProperties;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Choosing a municipality: the form, the cookie, the way back, and what is refused. The municipalities come from the
 * catalogue's snapshot, a mock here (three municipalities); the page offers and accepts exactly those.
 */
@WebMvcTest(MunicipalityChoiceWebController.class)
@SecuredWebSlice
class MunicipalityChoiceWebControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    @Import(MunicipalityChoice.class)
    @EnableConfigurationProperties(PortalProperties.class)
    static class Choice {
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CitizenCatalogue catalogue;

    @BeforeEach
    void threeMunicipalities() {
        given(catalogue.snapshot()).willReturn(CitizenSnapshots.ofMunicipalities(
                new MunicipalitySummary(101, "København", 1084), new MunicipalitySummary(751, "Aarhus", 1082),
                new MunicipalitySummary(851, "Aalborg", 1081)));
    }

    @Test
    void showsAnAccessibleChooserThatReturnsToThePage() throws Exception {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune?returnTo=/handlingsside/meld-flytning").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("<form method=\"get\" action=\"/vaelg-kommune\"")
                .contains("<input type=\"hidden\" name=\"returnTo\" value=\"/handlingsside/meld-flytning\">")
                .contains("<label class=\"form-label\" for=\"kommune\">Vælg din kommune</label>");
        assertThat(Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("select#kommune option[value~=\\d+]").eachText())
                .as("the catalogue's municipalities, A–Å: Aa as Å").containsExactly("København", "Aalborg", "Aarhus");
    }

    @Test
    void remembersTheChoiceAndGoesBackWithTheMunicipalityInTheLink() {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune")
                .queryParam("returnTo", "/handlingsside/meld-flytning?kommunekode=101&x=1")
                .queryParam("kommunekode", "0751").exchange();
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", "/handlingsside/meld-flytning?x=1&kommunekode=751#start");
        assertThat(result).cookies().hasValue("kommunekode", "751");
        assertThat(result).cookies().hasCookieSatisfying("kommunekode", c -> {
            assertThat(c.isHttpOnly()).isTrue();
            assertThat(c.getPath()).isEqualTo("/");
            assertThat(c.getMaxAge()).as("remembered for a year").isEqualTo(365 * 24 * 3600);
            assertThat(c.getAttribute("SameSite")).isEqualTo("Lax");
        });
    }

    @Test
    void aChoiceForAnyOtherPageGoesBackThereWithoutAFragment() {
        assertThat(mvc.get().uri("/vaelg-kommune?returnTo=/emner/familie&kommunekode=101"))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "/emner/familie?kommunekode=101");
    }

    @Test
    void theCitizensChoiceReplacesTheMunicipalityALinkBroughtForTheVisit() {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune?returnTo=/handlingsside/x&kommunekode=851")
                .cookie(new Cookie("kommunekode-fra-link", "101")).exchange();
        assertThat(result).cookies().hasValue("kommunekode", "851")
                .hasCookieSatisfying("kommunekode-fra-link", c -> assertThat(c.getMaxAge()).isZero());
    }

    @Test
    void anEmptyChoiceFromAnActionPageGoesBackToItsErrorSummary() {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune?returnTo=/handlingsside/meld-flytning&kommunekode=")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", "/handlingsside/meld-flytning?kommune=mangler#error-summary");
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void anEmptyChoiceHereGetsTheErrorAtTheFieldAndInTheSummary() throws Exception {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune?returnTo=/&kommunekode=").exchange();
        assertThat(result).hasStatusOk();
        org.jsoup.nodes.Document html = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.title()).startsWith("Fejl: ");
        assertThat(html.select("#error-summary a[href=#kommune]").text()).isEqualTo("Vælg din kommune på listen.");
        assertThat(html.select("#kommune-error").text()).contains("Vælg din kommune på listen.");
        assertThat(html.text()).doesNotContain("Vi kender ikke kommunekoden");
    }

    @Test
    void aMunicipalityALinkBroughtIsNeverShownAsTheCitizensChoice() {
        assertThat(mvc.get().uri("/vaelg-kommune").cookie(new Cookie("kommunekode-fra-link", "851"))).bodyText()
                .doesNotContain("Din kommune er nu")
                .contains("<option value=\"851\" selected=\"selected\">Aalborg</option>");
        assertThat(mvc.get().uri("/vaelg-kommune").cookie(new Cookie("kommunekode", "101"),
                new Cookie("kommunekode-fra-link", "851"))).bodyText().doesNotContain("Din kommune er nu");
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

    @Test
    void aMunicipalityTheCatalogueDoesNotHaveIsNotChosen() {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune?returnTo=/&kommunekode=147").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).cookies().doesNotContainCookie("kommunekode");
        assertThat(result).bodyText().contains("Vælg din kommune på listen.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"})
    void refusesToReturnAnywhereButThisSite(String returnTo) {
        MvcTestResult result = mvc.get().uri("/vaelg-kommune").queryParam("returnTo", returnTo)
                .queryParam("kommunekode", "101").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).doesNotContainHeader("Location");
        assertThat(result).bodyText().contains("Linket peger ikke på en side her.");
        then(catalogue).should(never()).snapshot();
    }
}
