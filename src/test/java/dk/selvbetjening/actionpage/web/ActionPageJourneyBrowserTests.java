package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An authority's editor in a real browser (headless Debian Chromium) writes an action page: sees the live guide
 * check react to a title without a verb, fixes it, saves, previews the page for Aarhus, and schedules the go-live a
 * little later. The test then moves the clock past that time and runs the go-live, and the citizen page shows the
 * new text. Every backoffice page on the way is checked with axe-core (WCAG 2.1 A and AA).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "selvbetjening.actionpage.go-live-poll=PT1H"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionPageJourneyBrowserTests {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES), DANISH_TIME);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    MutableClock clock;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAuthorityEditorWritesChecksPreviewsAndSchedulesAPageThatGoesLive() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        SelfServiceDetails service = data.publishedMunicipal(Map.of(751, "https://www.aarhus.dk/pasning",
                101, "https://www.kk.dk/pasning"));
        TestAccount editor = accounts.authorityEditor(service.authorityId());
        String oldTitle = actionPages.find(service.id()).orElseThrow().content().title();

        logIn(editor);
        driver.findElement(By.cssSelector("main a[href='/redaktion/selvbetjeninger']")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/selvbetjeninger")));
        assertNoAccessibilityViolations();
        driver.findElement(By.cssSelector("a[aria-label='Rediger handlingssiden for " + service.title() + "']"))
                .click();
        String editorPath = "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside";
        wait.until(ExpectedConditions.urlToBe(url(editorPath)));
        assertNoAccessibilityViolations();
        browser.screenshot("action-page-editor.png");

        // The live check: the region beside the title changes while the author types, without a page load.
        WebElement marker = driver.findElement(By.tagName("h1"));
        WebElement title = driver.findElement(By.id("title"));
        title.clear();
        title.sendKeys("Boligstøtte.");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#title-guide li.guide-error")));
        assertThat(driver.findElement(By.cssSelector("#title-guide li.guide-error .guide-severity")).getText())
                .isEqualTo("Fejl:");
        assertThat(driver.findElement(By.cssSelector(".guide-counts")).getText()).doesNotStartWith("Fejl: 0.");
        assertNoAccessibilityViolations();

        title.clear();
        title.sendKeys("Søg om pasning i Aarhus");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#title-guide li.guide-error")));
        assertThat(marker.isDisplayed()).as("still the same page: the check ran without a reload").isTrue();
        driver.findElement(By.cssSelector("form.action-page-editor button.button-primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Teksten er gemt som version 2.");
        assertNoAccessibilityViolations();

        // Preview for Aarhus.
        new Select(driver.findElement(By.id("preview-municipality"))).selectByValue("751");
        driver.findElement(By.cssSelector("form.editor-preview button")).click();
        wait.until(ExpectedConditions.urlContains("/forhaandsvisning?revision=2&kommunekode=751"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Søg om pasning i Aarhus");
        assertThat(driver.findElement(By.cssSelector("a.start-button")).getDomAttribute("href"))
                .isEqualTo("https://www.aarhus.dk/pasning");
        assertNoAccessibilityViolations();
        browser.screenshot("action-page-preview.png");

        // Schedule the go-live ten minutes from now (Danish time).
        open(editorPath);
        Instant goLive = clock.instant().plus(Duration.ofMinutes(10));
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("goLiveAt")),
                LOCAL.format(goLive.atZone(DANISH_TIME)));
        driver.findElement(By.xpath("//button[text()='Planlæg idriftsættelse']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.id("page-scheduled")).getText()).startsWith("Version 2 går i luften ")
                .contains(editor.email());
        assertNoAccessibilityViolations();

        // The history and the comparison of the two versions.
        driver.findElement(By.linkText("Se tidligere versioner")).click();
        wait.until(ExpectedConditions.urlToBe(url(editorPath + "/revisioner")));
        assertThat(driver.findElement(By.cssSelector("#revision-2")).getText()).contains("Planlagt idriftsættelse");
        assertNoAccessibilityViolations();
        driver.findElement(By.cssSelector("form.revision-compare button")).click();
        wait.until(ExpectedConditions.urlContains("/revisioner/sammenlign?fra=1&til=2"));
        assertThat(driver.findElement(By.cssSelector("#diff-title ins")).getText()).contains("Søg om pasning i Aarhus");
        assertNoAccessibilityViolations();
        browser.screenshot("action-page-compare.png");

        // Citizens see the old text until the go-live time has come and the job has run.
        open("/handlingsside/" + service.slug());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(oldTitle);
        clock.advance(Duration.ofMinutes(11));
        SystemPrincipal.run(() -> {
            for (UUID due : actionPages.dueForGoLive()) {
                actionPages.goLive(due);
            }
        });
        assertThat(actionPages.find(service.id()).orElseThrow().content().title()).isEqualTo("Søg om pasning i Aarhus");
        open("/handlingsside/" + service.slug());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Søg om pasning i Aarhus");
    }

    @Test
    void anotherAuthoritysEditorGetsTheDanishForbiddenPage() {
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/fremmed");
        SelfServiceDetails other = data.publishedNational("https://www.example.dk/egen");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        logIn(accounts.authorityEditor(other.authorityId()));
        open("/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Du har ikke adgang til denne side");
        assertNoAccessibilityViolations();
        open("/redaktion/selvbetjeninger");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(other.title())
                .doesNotContain(service.title());
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private void logIn(TestAccount account) {
        open("/redaktion/log-ind");
        browser.submitLogin(account.email(), account.password());
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void assertNoAccessibilityViolations() {
        browser.assertNoAccessibilityViolations();
        browser.assertNoContentSecurityPolicyViolations();
    }
}
