package dk.selvbetjening.portal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The citizen's journey in a real browser (headless Debian Chromium): front page, topic, action page, choosing
 * the municipality with the keyboard only, and starting the municipality's solution, checked with axe-core against
 * WCAG 2.1 A and AA on the way (every page on its own: {@code shared.web.EveryPageBrowserTests}). The
 * municipalities' solution sites are a local stub; the browser may only reach 127.0.0.1.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class CitizenJourneyBrowserTests {


    @LocalServerPort
    int port;

    @Autowired
    PortalTestData data;

    private HttpServer solutionSites;
    private final List<String> solutionRequests = new CopyOnWriteArrayList<>();
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    private SelfServiceDetails municipal;
    private SelfServiceDetails national;

    @BeforeAll
    void startSolutionSitesAndPublishServices() throws IOException {
        solutionSites = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        solutionSites.createContext("/", exchange -> {
            solutionRequests.add(exchange.getRequestURI().getPath());
            byte[] body = """
                    <!DOCTYPE html>
                    <html lang="da"><head><meta charset="utf-8"><title>Kommunens selvbetjening</title></head>
                    <body><main><h1>Kommunens selvbetjening</h1></main></body></html>
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        solutionSites.start();
        String stub = "http://127.0.0.1:" + solutionSites.getAddress().getPort();

        data.municipality(147, "Frederiksberg Kommune");
        municipal = data.publishedMunicipal(Map.of(101, stub + "/koebenhavn/daginstitution",
                461, stub + "/odense/daginstitution", 147, ""));
        national = data.publishedNational(stub + "/national");
    }

    @AfterAll
    void stopSolutionSites() throws IOException {
        if (solutionSites != null) {
            solutionSites.stop(0);
        }
    }

    @BeforeEach
    void forgetTheChosenMunicipality() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void citizenFindsServiceChoosesMunicipalityWithKeyboardAndStarts() throws IOException {
        String title = municipal.title();
        open("/");
        driver.findElement(By.linkText("Familie og børn")).click();
        wait.until(ExpectedConditions.urlToBe(url("/emner/familie-og-boern")));

        driver.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.urlToBe(url("/handlingsside/" + municipal.slug())));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(driver.findElements(By.cssSelector("a.start-button"))).isEmpty();

        // The chooser: a labelled select and a submit button; keyboard only from here.
        WebElement select = driver.findElement(By.id("kommune"));
        assertThat(select.getDomAttribute("name")).isEqualTo("kommunekode");
        assertThat(driver.findElement(By.cssSelector("label[for=kommune]")).getText()).isEqualTo("Vælg din kommune");
        select.sendKeys("København");
        for (int i = 0; i < 100 && !"København".equals(new Select(select).getFirstSelectedOption().getText()); i++) {
            select.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(new Select(select).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("101");
        assertThat(driver.switchTo().activeElement()).isEqualTo(select);

        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement button = driver.switchTo().activeElement();
        assertThat(button.getTagName()).isEqualTo("button");
        assertThat(button.getText()).isEqualTo("Fortsæt");
        button.sendKeys(Keys.ENTER);

        // back on the action page, in its Start section, which has the focus
        wait.until(ExpectedConditions.urlToBe(url("/handlingsside/" + municipal.slug() + "?kommunekode=101#start")));
        WebElement chosen = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".chosen-municipality")));
        assertThat(chosen.getText()).contains("Din kommune: København");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus on the Start section")
                .isEqualTo("start");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).as("the next stop: change municipality")
                .isEqualTo("Skift kommune");
        Cookie cookie = driver.manage().getCookieNamed("kommunekode");
        assertThat(cookie).as("cookie kommunekode").isNotNull();
        assertThat(cookie.getValue()).isEqualTo("101");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getExpiry()).as("the citizen's own choice is kept for a year")
                .isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(364))));
        assertThat(driver.manage().getCookieNamed("kommunekode-fra-link")).isNull();
        assertNoAccessibilityViolations();
        browser.assertNoContentSecurityPolicyViolations();
        screenshot("action-page-koebenhavn.png");

        WebElement start = driver.findElement(By.cssSelector("a.start-button"));
        assertThat(start.getText()).isEqualTo("Start opskrivningen");
        assertThat(driver.findElement(By.cssSelector(".continues-on")).getText())
                .isEqualTo("Du fortsætter på 127.0.0.1.");
        start.sendKeys(Keys.ENTER);

        String solution = "http://127.0.0.1:" + solutionSites.getAddress().getPort() + "/koebenhavn/daginstitution";
        wait.until(ExpectedConditions.urlToBe(solution));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kommunens selvbetjening");
        assertThat(solutionRequests).contains("/koebenhavn/daginstitution")
                .doesNotContain("/odense/daginstitution");
    }

    @Test
    void anEmptyChoiceGetsTheErrorAtTheFieldAndTheSummaryWithTheFocusOnIt() {
        open("/handlingsside/" + municipal.slug());
        WebElement select = driver.findElement(By.id("kommune"));
        select.sendKeys(Keys.TAB);
        WebElement button = driver.switchTo().activeElement();
        assertThat(button.getText()).isEqualTo("Fortsæt");
        button.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("kommune=mangler#error-summary"));
        assertThat(driver.getTitle()).startsWith("Fejl: ");
        WebElement summary = driver.findElement(By.id("error-summary"));
        assertThat(driver.switchTo().activeElement()).as("focus on the error summary").isEqualTo(summary);
        assertThat(summary.getText()).contains("Vælg din kommune på listen.").doesNotContain("Vi kender ikke");
        assertThat(driver.findElement(By.id("kommune-error")).getText()).contains("Vælg din kommune på listen.");
        // the summary's link leads to the field
        new Actions(driver).sendKeys(Keys.TAB).perform();
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("#kommune"));
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("kommune");
        assertNoAccessibilityViolations();
    }

    @Test
    void aMunicipalityFromALinkIsKeptForTheVisitOnlyAndNotShownAsTheCitizensChoice() {
        open("/handlingsside/" + municipal.slug() + "?kommunekode=461");
        assertThat(driver.findElement(By.cssSelector(".chosen-municipality")).getText()).contains("Din kommune: Odense");
        assertThat(driver.manage().getCookieNamed("kommunekode")).as("nothing kept for a year").isNull();
        Cookie visit = driver.manage().getCookieNamed("kommunekode-fra-link");
        assertThat(visit.getValue()).isEqualTo("461");
        assertThat(visit.getExpiry()).as("a session cookie").isNull();

        open("/handlingsside/" + municipal.slug());
        assertThat(driver.findElement(By.cssSelector(".chosen-municipality")).getText()).contains("Din kommune: Odense");
        open("/vaelg-kommune?returnTo=/");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Din kommune er nu");
    }

    @Test
    void missingLinkShowsTheMunicipalitysWebsiteAndPhoneAndNotTheListThatNoLongerApplies() {
        open("/handlingsside/" + municipal.slug() + "?kommunekode=147");
        WebElement contact = driver.findElement(By.cssSelector(".municipality-contact"));
        assertThat(contact.getText()).contains("Frederiksberg har ikke en selvbetjening til dette her")
                .contains("+45 70 10 147");
        assertThat(contact.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("https://www.kommune-147.dk");
        assertThat(driver.findElements(By.cssSelector("a.start-button"))).isEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Før du går i gang")
                .doesNotContain("Du skal bruge:");
        assertNoAccessibilityViolations();
    }

    @Test
    void theStartPagePatternOnANationalSolution() {
        open("/handlingsside/" + national.slug());
        assertThat(driver.findElement(By.cssSelector(".time-needed")).getText()).isEqualTo("Det tager 5 minutter.");
        assertThat(driver.findElement(By.cssSelector(".you-need")).getText()).isEqualTo("Du skal bruge:");
        assertThat(driver.findElements(By.cssSelector(".you-need-list li"))).extracting(WebElement::getText)
                .containsExactly("MitID.");
        WebElement start = driver.findElement(By.cssSelector("a.start-button"));
        assertThat(start.getText()).isEqualTo("Start anmeldelsen");
        WebElement arrow = start.findElement(By.cssSelector("svg.icon-svg"));
        assertThat(arrow.getSize().getWidth()).as("the arrow is drawn").isPositive();
        assertThat((Boolean) driver.executeScript("""
                const use = arguments[0].querySelector('use');
                return use.href.baseVal.endsWith('#arrow-forward');""", arrow)).isTrue();
        assertNoAccessibilityViolations();
    }

    @Test
    void everyCitizenPageFitsA375PixelScreenWithoutAccessibilityViolations() {
        browser.emulatePhone(375, 812);
        try {
            for (String path : List.of("/", "/emner/familie-og-boern", "/handlingsside/" + municipal.slug(),
                    "/handlingsside/" + municipal.slug() + "?kommune=mangler",
                    "/handlingsside/" + municipal.slug() + "?kommunekode=101",
                    "/handlingsside/" + municipal.slug() + "?kommunekode=147",
                    "/handlingsside/" + municipal.slug() + "?kommunekode=9999",
                    "/handlingsside/" + national.slug(), "/vaelg-kommune?returnTo=/",
                    "/vaelg-kommune?returnTo=/&kommunekode=")) {
                open(path);
                assertThat((Number) driver.executeScript("return window.innerWidth;")).as(path)
                        .isEqualTo(375L);
                browser.assertNoHorizontalOverflow(375);
                assertNoAccessibilityViolations();
            }
        } finally {
            browser.emulateDesktop();
        }
    }

    @Test
    void theDropdownsArrowIconIsServed() {
        open("/handlingsside/" + municipal.slug());
        String background = (String) driver.executeScript(
                "return getComputedStyle(document.getElementById('kommune')).backgroundImage;");
        assertThat(background).contains("/dkfds/img/svg-icons/chevron-down.svg");
        String icon = background.replaceAll("^url\\(\"?|\"?\\)$", "");
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status)).catch(e => done(String(e)));""", icon);
        assertThat(status).isEqualTo(200L);
    }

    @Test
    void withoutJavaScriptTheCitizenChoosesAMunicipalityAndGetsTheErrorForAnEmptyChoice() {
        // the class's browser with the pages' scripts turned off for this test (no second browser)
        browser.withoutPageScripts(() -> {
            assertThat(browser.pageScriptsRun()).as("page scripts are off").isFalse();
            open("/handlingsside/" + municipal.slug());
            driver.findElement(By.cssSelector("form.municipality-chooser button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("kommune=mangler"));
            assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Vælg din kommune på listen.");
            // (axe-core needs timers, which do not run with scripts off: the same pages are checked with them on)

            new Select(driver.findElement(By.id("kommune"))).selectByVisibleText("Odense");
            driver.findElement(By.cssSelector("form.municipality-chooser button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(
                    url("/handlingsside/" + municipal.slug() + "?kommunekode=461#start")));
            assertThat(driver.findElement(By.cssSelector(".chosen-municipality")).getText())
                    .contains("Din kommune: Odense");
            assertThat(driver.findElements(By.id("error-summary"))).isEmpty();
            assertThat(driver.manage().getCookieNamed("kommunekode").getValue()).isEqualTo("461");
            assertThat(browser.pageScriptsRun()).as("still off after the journey's navigations").isFalse();
        });
        assertThat(browser.pageScriptsRun()).as("on again for the next test").isTrue();
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void assertNoAccessibilityViolations() {
        browser.assertNoAccessibilityViolations();
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
