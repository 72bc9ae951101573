package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionPageWebControllerTests {

    private static final String KK = "https://www.kk.dk/daginstitution";
    private static final String ODENSE = "https://www.odense.dk/daginstitution";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    SelfServiceDetails municipal;
    SelfServiceDetails national;

    @BeforeAll
    void publish() {
        data.municipality(147, "Frederiksberg Kommune");
        data.municipality(461, "Odense Kommune");
        municipal = data.publishedMunicipal(Map.of(101, KK, 461, ODENSE, 147, ""));
        national = data.publishedNational("https://www.borger.dk/flytning");
    }

    private String page(String slug) {
        return "/handlingsside/" + slug;
    }

    @ParameterizedTest
    @ValueSource(strings = {"kommunekode=101", "kommunekode=0101", "KommuneKode=101", "KOMMUNEKODE=0101"})
    void preselectsTheMunicipalityFromTheLinkInAnyCaseForThisVisitOnly(String query) {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "?" + query).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).cookies().doesNotContainCookie("kommunekode")
                .hasValue("kommunekode-fra-link", "101")
                .hasCookieSatisfying("kommunekode-fra-link", c -> {
                    assertThat(c.getMaxAge()).as("a session cookie: no Max-Age").isEqualTo(-1);
                    assertThat(c.isHttpOnly()).isTrue();
                });
        assertThat(result.getResponse().getHeader("Set-Cookie")).doesNotContain("Max-Age").doesNotContain("Expires");
        assertThat(result).bodyText()
                .contains("Din kommune: København.")
                .contains("href=\"/handlingsside/" + municipal.slug() + "/start?kommunekode=101\"")
                .doesNotContain("id=\"kommune\"");
    }

    @Test
    void showsAMunicipalityChooserThatWorksWithoutJavaScriptWhenNoneIsChosen() throws Exception {
        MvcTestResult result = mvc.get().uri(page(municipal.slug())).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("<form method=\"get\" action=\"/vaelg-kommune\"")
                .contains("<input type=\"hidden\" name=\"returnTo\" value=\"/handlingsside/" + municipal.slug() + "\">")
                .contains("<label class=\"form-label\" for=\"kommune\">Vælg din kommune</label>")
                .contains("<option value=\"851\">Aalborg</option>")
                .contains(">Fortsæt</button>")
                .doesNotContain("Vi kender ikke kommunekoden")
                .doesNotContain("start-button");
        List<String> names = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("select#kommune option[value~=\\d+]").eachText();
        assertThat(names).as("A–Å, Danish").hasSize(98).startsWith("Albertslund", "Allerød")
                .endsWith("Ærø", "Aabenraa", "Aalborg", "Aarhus");
        assertThat(names.indexOf("Lyngby-Taarbæk")).isLessThan(names.indexOf("Læsø"));
    }

    @Test
    void anEmptyCodeInTheLinkChoosesNothingAndBlamesNoLink() {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "?kommunekode=").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().doesNotContain("Vi kender ikke kommunekoden").contains("id=\"kommune\"");
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void aLinkToTheMunicipalityTheCitizenChoseSetsNoCookie() {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "?kommunekode=461")
                .cookie(new Cookie("kommunekode", "461")).exchange();
        assertThat(result).bodyText().contains("Din kommune: Odense.");
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void aMunicipalityFromALinkAppliesForTheVisitBeforeTheChosenOne() {
        assertThat(mvc.get().uri(page(municipal.slug())).cookie(new Cookie("kommunekode", "101"),
                new Cookie("kommunekode-fra-link", "461"))).bodyText().contains("Din kommune: Odense.");
    }

    @Test
    void remembersTheChosenMunicipalityFromTheCookie() {
        assertThat(mvc.get().uri(page(municipal.slug())).cookie(new Cookie("kommunekode", "461")))
                .bodyText().contains("Din kommune: Odense.").contains("/start?kommunekode=461");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "abc", "100", "<b>x</b>"})
    void rendersThePageWithANoticeAndNoPreselectionForAnUnknownCode(String code) {
        MvcTestResult result = mvc.get().uri(page(municipal.slug())).queryParam("kommunekode", code)
                .cookie(new Cookie("kommunekode", "101")).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result).bodyText()
                .contains("Vi kender ikke kommunekoden")
                .doesNotContain("<b>x</b>")
                .doesNotContain("Din kommune:")
                .contains("id=\"kommune\"");
    }

    @Test
    void tellsTheCitizenToContactTheMunicipalityWhenItHasNoLink() {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "?kommunekode=147").exchange();
        assertThat(result).bodyText()
                .contains("Frederiksberg har ikke en selvbetjening til dette her")
                .contains("href=\"https://www.kommune-147.dk\"")
                .contains("<span>Ring til kommunen:</span>").contains("href=\"tel:+457010147\">+45 70 10 147</a>")
                .doesNotContain("Før du går i gang").doesNotContain("Du skal bruge:")
                .doesNotContain("start-button");
    }

    @Test
    void aMunicipalityWithoutAnyRecordStillGetsAnAnswerNotADeadButton() {
        assertThat(mvc.get().uri(page(municipal.slug()) + "?kommunekode=851")).bodyText()
                .contains("Aalborg har ikke en selvbetjening til dette her")
                .contains("Du finder kommunens kontaktoplysninger")
                .doesNotContain("start-button");
    }

    @Test
    void startRedirectsToTheMunicipalitysOwnSolution() {
        assertThat(mvc.get().uri(page(municipal.slug()) + "/start?kommunekode=0461"))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", ODENSE);
        assertThat(mvc.get().uri(page(municipal.slug()) + "/start").cookie(new Cookie("kommunekode", "101")))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", KK);
    }

    @Test
    void startWithoutAMunicipalityGoesBackToThePageAskingForOne() throws Exception {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "/start").exchange();
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", page(municipal.slug()) + "?kommune=mangler#start");
        Document asked = Jsoup.parse(mvc.get().uri(page(municipal.slug()) + "?kommune=mangler").exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(asked.title()).startsWith("Fejl: ");
        assertThat(asked.select("#error-summary a[href=#kommune]").text()).isEqualTo("Vælg din kommune på listen.");
        assertThat(asked.select(".form-group.form-error #kommune-error").text()).contains("Vælg din kommune på listen.");
        assertThat(asked.select("#kommune").attr("aria-describedby")).contains("kommune-error");
    }

    @Test
    void startForAMunicipalityWithoutALinkGoesBackToTheContactDetails() {
        assertThat(mvc.get().uri(page(municipal.slug()) + "/start?kommunekode=147"))
                .hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", page(municipal.slug()) + "?kommunekode=147#start");
    }

    @Test
    void startOfANationalSolutionGoesToItsOneAddress() {
        assertThat(mvc.get().uri(page(national.slug()) + "/start?kommunekode=101"))
                .hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "https://www.borger.dk/flytning");
        assertThat(mvc.get().uri(page(national.slug()))).bodyText()
                .contains("href=\"/handlingsside/" + national.slug() + "/start\"")
                .contains("Du fortsætter på borger.dk.")
                .doesNotContain("id=\"kommune\"");
    }

    @Test
    void theHistoricUrlMovesPermanentlyToTheSlugKeepingTheMunicipality() {
        assertThat(mvc.get().uri("/Handlingsside?selfserviceId=" + municipal.id() + "&referringPageId=x&KommuneKode=530"))
                .hasStatus(HttpStatus.MOVED_PERMANENTLY)
                .hasHeader("Location", page(municipal.slug()) + "?kommunekode=530");
        assertThat(mvc.get().uri("/Handlingsside?SelfServiceId=" + national.id()))
                .hasStatus(HttpStatus.MOVED_PERMANENTLY).hasHeader("Location", page(national.slug()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/handlingsside/findes-ikke", "/handlingsside/findes-ikke/start",
            "/Handlingsside?selfserviceId=not-a-uuid", "/Handlingsside?selfserviceId=00000000-0000-0000-0000-000000000000",
            "/emner/findes-ikke"})
    void answersUnknownThingsWithTheDanish404Page(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).bodyText().contains("Siden findes ikke");
    }

    @Test
    void namesTheChosenMunicipalityAsResponsibleWithItsContactDetailsNotTheOwner() {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "?kommunekode=461").exchange();
        assertThat(result).bodyText()
                .contains("Ansvarlig myndighed: Odense Kommune")
                .contains("<a href=\"https://www.kommune-461.dk\">https://www.kommune-461.dk</a>")
                .contains("<a href=\"tel:+457010461\">+45 70 10 461</a>")
                .contains("<a href=\"mailto:post@kommune-461.dk\">post@kommune-461.dk</a>")
                .doesNotContain("Styrelsen for Test");
    }

    @Test
    void namesTheMunicipalityChosenEarlierFromTheCookieAsResponsible() {
        assertThat(mvc.get().uri(page(municipal.slug())).cookie(new Cookie("kommunekode", "461"))).bodyText()
                .contains("Ansvarlig myndighed: Odense Kommune")
                .doesNotContain("Styrelsen for Test");
    }

    @Test
    void namesAMunicipalityWithoutAnAuthorityRecordByItsReferenceNameWithoutContactDetails() {
        assertThat(mvc.get().uri(page(municipal.slug()) + "?kommunekode=101")).bodyText()
                .contains("Ansvarlig myndighed: København<")
                .doesNotContain("responsible-contact")
                .doesNotContain("Styrelsen for Test");
    }

    @Test
    void aMunicipalSolutionWithoutAChosenMunicipalityNamesTheCitizensMunicipalityNotTheOwner() {
        assertThat(mvc.get().uri(page(municipal.slug()))).bodyText()
                .contains("Ansvarlig myndighed: din kommune.")
                .doesNotContain("Styrelsen for Test");
    }

    @Test
    void showsTheOwnerAndWhenThePageWasLastUpdated() {
        assertThat(mvc.get().uri(page(national.slug()))).bodyText()
                .contains("Ansvarlig myndighed: Styrelsen for Test")
                .containsPattern("Senest opdateret \\d{1,2}\\. [a-zæøå]+ \\d{4}");
    }

    @Test
    void theCitizenPagesKeepNoSessionAndCarrySecurityHeaders() {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "?kommunekode=101").exchange();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result).hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("X-Frame-Options", "DENY");
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void anAlreadyRenderedPageIsAnsweredBeforeMvcWithTheSameBytesHeadersAndCookie() throws Exception {
        String uri = page(municipal.slug()) + "?kommunekode=461&fresh=" + System.nanoTime();
        MvcTestResult first = mvc.get().uri(uri).exchange();
        MvcTestResult second = mvc.get().uri(uri).exchange();
        assertThat(second.getMvcResult().getHandler()).as("answered by the cached-page filter").isNull();
        assertThat(second.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
        assertThat(second.getResponse().getHeaderNames())
                .containsExactlyInAnyOrderElementsOf(first.getResponse().getHeaderNames());
        for (String header : first.getResponse().getHeaderNames()) {
            if (!header.equals("X-Request-Id")) {
                assertThat(second.getResponse().getHeaders(header)).as(header)
                        .isEqualTo(first.getResponse().getHeaders(header));
            }
        }
        assertThat(second.getResponse().getHeader("X-Request-Id")).as("each answer its own request id")
                .isNotEqualTo(first.getResponse().getHeader("X-Request-Id"));
        assertThat(second).cookies().hasValue("kommunekode-fra-link", "461").doesNotContainCookie("kommunekode");
    }

    @Test
    void overHttpsTheCachedPageCarriesTheSameHstsAsTheNormalWay() throws Exception {
        String uri = page(municipal.slug()) + "?kommunekode=101&https=" + System.nanoTime();
        MvcTestResult first = mvc.get().uri(uri).secure(true).exchange();
        MvcTestResult second = mvc.get().uri(uri).secure(true).exchange();
        MvcTestResult plain = mvc.get().uri(uri).exchange();

        assertThat(second.getMvcResult().getHandler()).as("answered by the cached-page filter").isNull();
        assertThat(first.getResponse().getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(second.getResponse().getHeader("Strict-Transport-Security"))
                .isEqualTo(first.getResponse().getHeader("Strict-Transport-Security"));
        assertThat(second.getResponse().getHeader("Content-Security-Policy"))
                .isEqualTo(first.getResponse().getHeader("Content-Security-Policy"));
        assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).as("not over plain http").isNull();
    }

    @Test
    void anUnknownCodeIsNeverAnsweredFromTheCache() {
        String uri = page(municipal.slug()) + "?kommunekode=4610";
        mvc.get().uri(uri).exchange();
        MvcTestResult again = mvc.get().uri(uri).exchange();
        assertThat(again.getMvcResult().getHandler()).isNotNull();
        assertThat(again).bodyText().contains("Vi kender ikke kommunekoden");
    }

    @Test
    void everyStartGoesToItsTargetOrBackToThePageAndIsNeverStored() {
        MvcTestResult withTarget = mvc.get().uri(page(municipal.slug()) + "/start?kommunekode=101").exchange();
        MvcTestResult withoutTarget = mvc.get().uri(page(municipal.slug()) + "/start?kommunekode=147").exchange();
        MvcTestResult noMunicipality = mvc.get().uri(page(municipal.slug()) + "/start").exchange();
        assertThat(withTarget).hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", KK);
        assertThat(withTarget).cookies().hasValue("kommunekode-fra-link", "101");
        assertThat(withoutTarget).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", page(municipal.slug()) + "?kommunekode=147#start");
        assertThat(withoutTarget).cookies().hasValue("kommunekode-fra-link", "147");
        assertThat(noMunicipality.getResponse().getHeader("Set-Cookie")).isNull();
        // here answered by the controller (MockMvc has no Tomcat valves); StartRedirectValveTests: the same answers
        // from the valve, with only a redirect's headers
        for (MvcTestResult start : java.util.List.of(withTarget, withoutTarget, noMunicipality)) {
            assertThat(start).as("never stored: it counts and may set a cookie")
                    .hasHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        }
    }

    @Test
    void aStartOfAnUnknownSelfServiceIsTheDanish404PageWithItsSecurityHeaders() {
        MvcTestResult result = mvc.get().uri("/handlingsside/findes-ikke/start?kommunekode=101").exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result.getMvcResult().getHandler()).isNotNull();
        assertThat(result).bodyText().contains("Siden findes ikke");
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void aStartWithAnUnknownCodeGoesBackToThePageThatSaysSoInDanish() {
        MvcTestResult result = mvc.get().uri(page(municipal.slug()) + "/start?kommunekode=4610").exchange();
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
                .hasHeader("Location", page(municipal.slug()) + "?kommunekode=4610#start");
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(mvc.get().uri(page(municipal.slug()) + "?kommunekode=4610")).bodyText()
                .contains("Vi kender ikke kommunekoden");
    }

    @Test
    void theStartSectionSaysHowLongItTakesAndWhatYouNeedThenStartsWithAnArrow() throws Exception {
        Document html = Jsoup.parse(mvc.get().uri(page(municipal.slug()) + "?kommunekode=101").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.select("p.time-needed").text()).isEqualTo("Det tager 5 minutter.");
        assertThat(html.select("p.you-need").text()).isEqualTo("Du skal bruge:");
        assertThat(html.select("ul.you-need-list li").eachText()).containsExactly("MitID.");
        assertThat(html.select("section#start").attr("tabindex")).as("focusable by its fragment").isEqualTo("-1");
        assertThat(html.select("a.start-button span").text()).as("the title's verb as a noun")
                .isEqualTo("Start opskrivningen");
        assertThat(html.select("a.start-button svg use").attr("href")).isEqualTo("/dkfds/img/all-svg-icons.svg#arrow-forward");
        assertThat(html.select("p.continues-on").text()).as("the municipality's own site")
                .isEqualTo("Du fortsætter på kk.dk.");
    }
}
