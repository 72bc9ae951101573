package dk.selvbetjening.connection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supplier's form in a real browser (headless Debian Chromium), with and without JavaScript, at 1280 and 375 px:
 * the conditional reveal, the error summary taking focus and its links leaving the label in view, the date input,
 * "Tjek dine svar" and "Ret", the Word template upload keeping what was typed, Enter pressing "Fortsæt", topics in
 * columns, nothing wider than a phone. Every page is checked with axe-core (WCAG 2.1 A and AA) and for refused
 * content (CSP).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class ConnectionFormBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ConnectionWebTestData data;

    @Autowired
    ActionPageDocx docx;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private AuthorityDetails authority;

    @BeforeAll
    void anAuthority() {
        authority = data.anAuthority();
    }

    @AfterEach
    void javaScriptOnAndDesktopWidth() {
        javaScript(true);
        driver.manage().window().setSize(new Dimension(1280, 1200));
    }

    @Test
    void choosingAendringRevealsTheExistingServiceWithTheKeyboard() {
        open("/tilslut");
        WebElement existing = driver.findElement(By.id("existingServiceId"));
        assertThat(existing.isDisplayed()).as("hidden until Ændring is chosen").isFalse();

        driver.findElement(By.id("kind")).sendKeys(Keys.SPACE);
        assertThat(existing.isDisplayed()).isFalse();
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("kind-EXISTING");
        wait.until(ExpectedConditions.visibilityOf(existing));
        assertThat(driver.findElement(By.id("kind-EXISTING-reveal")).getDomAttribute("aria-hidden")).isEqualTo("false");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("the revealed question is next")
                .isEqualTo("existingServiceId");
        checkPage();

        driver.findElement(By.id("kind-EXISTING")).sendKeys(Keys.ARROW_UP);
        wait.until(ExpectedConditions.invisibilityOf(existing));
    }

    @Test
    void withoutJavaScriptTheExistingServiceQuestionIsSimplyShown() {
        javaScript(false);
        open("/tilslut");
        assertThat(driver.findElement(By.id("existingServiceId")).isDisplayed()).isTrue();
        javaScript(true);
        checkPage();
    }

    @Test
    void theErrorSummaryTakesFocusAndItsLinkLeadsToTheFieldWithItsLabelInView() {
        open("/tilslut");
        fillIn(UUID.randomUUID().toString().substring(0, 6));
        type("title", "");
        type("url", "http://www.example-styrelse.dk/fejl");
        continueWithEnter("url");

        wait.until(ExpectedConditions.titleContains("Fejl: "));
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus on the summary")
                .isEqualTo("error-summary");
        checkPage();
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement link = driver.switchTo().activeElement();
        assertThat(link.getText()).isEqualTo("Skriv titlen.");
        link.sendKeys(Keys.ENTER);
        wait.until(driver -> "title".equals(driver.switchTo().activeElement().getDomAttribute("id")));
        assertInView("label[for=title]");
    }

    @Test
    void withoutJavaScriptAnErrorLinkStillLeavesTheLabelInView() {
        javaScript(false);
        driver.manage().window().setSize(new Dimension(375, 800));
        open("/tilslut");
        fillIn(UUID.randomUUID().toString().substring(0, 6));
        type("plannedGoLive", "31");
        type("plannedGoLive-month", "2");
        type("plannedGoLive-year", "2099");
        type("supplierEmail", "ikke-en-adresse");
        continueWithEnter("title");
        wait.until(ExpectedConditions.titleContains("Fejl: "));
        assertNoHorizontalOverflow();

        driver.findElement(By.cssSelector("#error-summary a[href='#plannedGoLive']")).click();
        wait.until(ExpectedConditions.urlContains("#plannedGoLive"));
        assertInView("#plannedGoLive-error");
        assertInView("legend:has(+ #plannedGoLive-hint)");
        driver.findElement(By.cssSelector("#error-summary a[href='#supplierEmail']")).click();
        assertInView("label[for=supplierEmail]");
        javaScript(true);
        checkPage();
    }

    @Test
    void withoutJavaScriptTheAnswersAreCheckedChangedAndSentToTheReceiptAndStatusPage() {
        javaScript(false);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        open("/tilslut");
        fillIn(suffix);
        type("plannedGoLive", "1");
        type("plannedGoLive-month", "3");
        type("plannedGoLive-year", "2099");
        driver.findElement(By.cssSelector("main form.connection-form button.button-primary")).click();

        wait.until(ExpectedConditions.titleIs("Tjek dine svar – Selvbetjening"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Søg om browsertilladelse " + suffix)
                .contains("1. marts 2099").doesNotContain("Ikke udfyldt");
        javaScript(true);
        checkPage();
        javaScript(false);

        driver.findElement(By.cssSelector("button[formaction='/tilslut/ret#title']")).click();
        wait.until(ExpectedConditions.urlContains("/tilslut/ret#title"));
        assertThat(driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Søg om browsertilladelse " + suffix);
        assertThat(driver.findElement(By.id("plannedGoLive-month")).getDomProperty("value")).isEqualTo("3");
        assertInView("label[for=title]");
        type("title", "Søg om rettet browsertilladelse " + suffix);
        driver.findElement(By.cssSelector("main form.connection-form button.button-primary")).click();
        wait.until(ExpectedConditions.titleIs("Tjek dine svar – Selvbetjening"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Søg om rettet browsertilladelse " + suffix);

        driver.findElement(By.cssSelector("main form.connection-check button.button-primary")).click();
        wait.until(ExpectedConditions.urlContains("/tilslut/kvittering/"));
        assertThat(driver.findElement(By.cssSelector(".confirmation-panel h1")).getText()).isEqualTo("Anmodningen er sendt");
        assertThat(driver.findElement(By.cssSelector(".confirmation-panel")).getText())
                .contains("Søg om rettet browsertilladelse " + suffix);
        javaScript(true);
        driver.navigate().refresh();
        checkPage();

        driver.findElement(By.cssSelector("a.connection-status-link")).click();
        wait.until(ExpectedConditions.urlContains("/tilslut/status/"));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Ikke udfyldt")
                .contains("1. marts 2099");
        checkPage();
    }

    @Test
    void theWordTemplateIsReadIntoTheFormWithoutLosingWhatWasTyped() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Path file = Files.createTempFile("handlingsside", ".docx");
        Files.write(file, docx.export(new ActionPageContent("Søg om skabelontilladelse", "Teksten fra Word.",
                List.of("MitID."), null, null, null, null, null)));
        try {
            open("/tilslut");
            fillIn(suffix);
            type("actionPage.fees", "Det er gratis.");
            driver.findElement(By.id("templateFile")).sendKeys(file.toString());
            driver.findElement(By.cssSelector("button[formaction='/tilslut/indlaes-skabelon']")).click();

            wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success .alert-heading"),
                    "Teksten fra Word-filen er sat ind"));
            assertThat(driver.findElement(By.id("title")).getDomProperty("value"))
                    .isEqualTo("Søg om browsertilladelse " + suffix);
            assertThat(driver.findElement(By.id("supplierEmail")).getDomProperty("value"))
                    .isEqualTo("browser@leverandoer.dk");
            assertThat(driver.findElement(By.id("actionPage.title")).getDomProperty("value"))
                    .isEqualTo("Søg om skabelontilladelse");
            assertThat(driver.findElement(By.id("actionPage.fees")).getDomProperty("value")).isEqualTo("Det er gratis.");
            checkPage();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void topicsStandInColumnsOnAWideScreenAndInOneOnAPhoneWithNothingWiderThanThePhone() {
        open("/tilslut");
        assertThat(topicColumns()).as("columns at 1280 px").isGreaterThan(1);

        driver.manage().window().setSize(new Dimension(375, 800));
        open("/tilslut");
        assertThat(topicColumns()).as("one column at 375 px").isEqualTo(1);
        assertNoHorizontalOverflow();
        checkPage();
        fillIn(UUID.randomUUID().toString().substring(0, 6));
        continueWithEnter("supplierName");
        wait.until(ExpectedConditions.titleIs("Tjek dine svar – Selvbetjening"));
        assertNoHorizontalOverflow();
        checkPage();
        driver.findElement(By.cssSelector("main form.connection-check button.button-primary")).click();
        wait.until(ExpectedConditions.urlContains("/tilslut/kvittering/"));
        assertNoHorizontalOverflow();
        driver.findElement(By.cssSelector("a.connection-status-link")).click();
        wait.until(ExpectedConditions.urlContains("/tilslut/status/"));
        assertNoHorizontalOverflow();
    }

    /** Fills in a valid new request, by keyboard. */
    private void fillIn(String suffix) {
        driver.findElement(By.id("kind")).sendKeys(Keys.SPACE);
        type("title", "Søg om browsertilladelse " + suffix);
        type("shortDescription", "Her søger du om en browsertilladelse.");
        type("url", "https://www.example-styrelse.dk/browser/" + suffix);
        driver.findElement(By.id("topics")).sendKeys(Keys.SPACE);
        type("authorityCvr", authority.cvrNumber());
        type("supplierName", "Browserleverandøren A/S");
        type("supplierEmail", "browser@leverandoer.dk");
    }

    /** Presses Enter in a text field: the form's default button, "Fortsæt". */
    private void continueWithEnter(String id) {
        driver.findElement(By.id(id)).sendKeys(Keys.ENTER);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    /** The number of distinct left edges among the topics' check boxes. */
    private long topicColumns() {
        return driver.findElements(By.cssSelector(".connection-topics input[type=checkbox]")).stream()
                .map(box -> box.getRect().getX()).distinct().count();
    }

    private void assertNoHorizontalOverflow() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object widest = driver.executeScript("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w)
                    .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');""");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on %s: %s", driver.getCurrentUrl(), widest)
                .isLessThanOrEqualTo(0);
    }

    /** The element's top edge is inside the window (not hidden above it), and its bottom too. */
    private void assertInView(String selector) {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) driver.executeScript("""
                const r = document.querySelector(arguments[0]).getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, height: window.innerHeight};""", selector);
        double top = ((Number) box.get("top")).doubleValue();
        double bottom = ((Number) box.get("bottom")).doubleValue();
        double height = ((Number) box.get("height")).doubleValue();
        assertThat(top).as("top of %s in view", selector).isGreaterThanOrEqualTo(0);
        assertThat(bottom).as("bottom of %s in view", selector).isLessThanOrEqualTo(height);
    }

    /**
     * Turns the page's JavaScript off or on (from the next page load): Chromium's own switch, as a visitor without
     * JavaScript has it. The test's own scripts (axe, the checks above) run either way.
     */
    private void javaScript(boolean on) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    private void checkPage() {
        browser.assertNoAccessibilityViolations();
        browser.assertNoContentSecurityPolicyViolations();
    }
}
