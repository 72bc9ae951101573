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
    void startSolutionSitesBrowserAndPublishServices() throws IOException {
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

        browser = Browser.start();
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterAll
    void stopBrowserAndSolutionSites() throws IOException {
        if (browser != null) {
            browser.close();
        }
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
        assertThat(button.getText()).isEqualTo("Vælg kommune");
        button.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("kommunekode=101"));
        WebElement chosen = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".chosen-municipality")));
        assertThat(chosen.getText()).contains("Din kommune: København");
        Cookie cookie = driver.manage().getCookieNamed("kommunekode");
        assertThat(cookie).as("cookie kommunekode").isNotNull();
        assertThat(cookie.getValue()).isEqualTo("101");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertNoAccessibilityViolations();
        browser.assertNoContentSecurityPolicyViolations();
        screenshot("action-page-koebenhavn.png");

        WebElement start = driver.findElement(By.cssSelector("a.start-button"));
        start.sendKeys(Keys.ENTER);

        String solution = "http://127.0.0.1:" + solutionSites.getAddress().getPort() + "/koebenhavn/daginstitution";
        wait.until(ExpectedConditions.urlToBe(solution));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kommunens selvbetjening");
        assertThat(solutionRequests).contains("/koebenhavn/daginstitution")
                .doesNotContain("/odense/daginstitution");
    }

    @Test
    void missingLinkShowsTheMunicipalitysContactDetails() {
        open("/handlingsside/" + municipal.slug() + "?kommunekode=147");
        WebElement contact = driver.findElement(By.cssSelector(".municipality-contact"));
        assertThat(contact.getText()).contains("Frederiksberg har ikke en selvbetjening til dette her")
                .contains("+45 70 10 147");
        assertThat(driver.findElements(By.cssSelector("a.start-button"))).isEmpty();
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
