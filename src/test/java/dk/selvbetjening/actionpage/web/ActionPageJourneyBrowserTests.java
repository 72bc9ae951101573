package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.MutableClock;
import dk.selvbetjening.shared.SystemPrincipal;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 *
 * <p>The editor's publishing flow too: a self-service approved as a draft is published together with its action
 * page from the editor's "Udgiv", and the citizen page then answers 200 with the new text; the Gem/Udgiv bar stays in
 * view at 375 px without hiding the field that has focus; unpublishing asks first on a page with the red warning
 * button; the menu says where the editor is and the start page counts what waits.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "selvbetjening.actionpage.go-live-poll=PT1H"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
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

    @Autowired
    SelfServiceService services;

    private final HttpClient http = HttpClient.newHttpClient();

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

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

    private SelfServiceDetails approvedDraft(String url) {
        return SystemPrincipal.call(() -> {
            SelfServiceDetails added = services.add(SelfServiceFixtures.aVoluntarySelfService(
                    data.stateAuthority().id(), url));
            actionPages.saveDraft(added.id(), PortalTestData.anActionPage(added.title()));
            return added;
        });
    }

    /** Logged out, at desktop width: each publishing test starts from there. */
    private void freshStart() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    void udgivPublishesTheDraftServiceWithItsPageAndTheCitizenPageAnswersWithTheNewText() throws Exception {
        freshStart();
        SelfServiceDetails service = approvedDraft("https://www.example.dk/udgiv-sammen");
        String citizenPage = "/handlingsside/" + service.slug();
        assertThat(get(citizenPage).statusCode()).as("citizens see nothing of a draft").isEqualTo(404);

        logIn(accounts.editor());
        assertThat(driver.findElement(By.cssSelector("nav a[href='/redaktion']")).getDomAttribute("aria-current"))
                .isEqualTo("page");
        assertThat(driver.findElements(By.cssSelector("ul.backoffice-tasks li")).stream().map(WebElement::getText)
                .toList()).anyMatch(text -> text.matches("\\d+ handlingssider? venter på at blive udgivet"))
                .anyMatch(text -> text.endsWith("venter") || text.startsWith("Ingen anmodninger"));
        assertNoAccessibilityViolations();

        String editorPath = "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside";
        open(editorPath);
        assertThat(driver.findElement(By.cssSelector("nav a[href='/redaktion/selvbetjeninger']"))
                .getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(driver.findElement(By.id("citizen-status")).getText())
                .startsWith("Borgerne kan ikke se selvbetjeningen endnu");
        assertThat(driver.findElement(By.id("next-action")).getText())
                .contains("udgive selvbetjeningen og handlingssiden sammen");
        assertThat(driver.findElements(By.cssSelector(".guide-none"))).isEmpty();
        assertNoAccessibilityViolations();

        WebElement intro = driver.findElement(By.id("intro"));
        intro.clear();
        intro.sendKeys("Her søger du om tilladelsen på fem minutter. Du får svar med det samme.");
        driver.findElement(By.id("publish-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Selvbetjeningen og handlingssiden er udgivet. Borgerne ser nu version 2.");
        assertThat(driver.findElement(By.id("citizen-status")).getText())
                .isEqualTo("Borgerne ser version 2, den nyeste.");
        assertThat(driver.findElements(By.cssSelector("form[action$='/udgiv']")))
                .as("no \"Udgiv nu\" with nothing new to publish").isEmpty();
        assertNoAccessibilityViolations();

        HttpResponse<String> answer = waitForCitizenPage(citizenPage);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Her søger du om tilladelsen på fem minutter.");
        driver.findElement(By.id("citizen-page-link")).click();
        wait.until(ExpectedConditions.urlToBe(url(citizenPage)));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Her søger du om tilladelsen på fem minutter.");
    }

    @Test
    void theSaveAndPublishBarStaysInViewAt375PixelsAndNeverHidesTheFocusedField() {
        freshStart();
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/sticky");
        logIn(accounts.editor());
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 700, "deviceScaleFactor", 1, "mobile", true));
        open("/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside");
        WebElement title = driver.findElement(By.id("title"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", title);

        WebElement save = driver.findElement(By.id("save-button"));
        WebElement publish = driver.findElement(By.id("publish-button"));
        assertThat(inViewport(save)).as("Gem in view beside the title").isTrue();
        assertThat(inViewport(publish)).as("Udgiv in view beside the title").isTrue();
        assertThat(overlap(save, publish)).as("the buttons do not overlap").isFalse();
        assertThat(driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("nothing wider than the screen").isEqualTo(true);

        // Keyboard only: tab from the title through the fields; each field with focus is above the bar.
        title.click();
        WebElement bar = driver.findElement(By.cssSelector(".editor-sticky"));
        for (String next : List.of("intro", "beforeYouStart", "startLabel", "continuesOn", "alternatives")) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            assertThat(focused.getDomAttribute("id")).isEqualTo(next);
            // the browser scrolls the focused field into view, possibly smoothly: give it that moment
            try {
                wait.until(d -> !overlap(focused, bar));
            } catch (org.openqa.selenium.TimeoutException e) {
                // the assertion below says which field
            }
            assertThat(overlap(focused, bar)).as("%s is not hidden by the bar", next).isFalse();
        }
        assertNoAccessibilityViolations();
    }

    @Test
    void unpublishingAsksFirstWithTheRedButtonAndGoingBackChangesNothing() {
        freshStart();
        SelfServiceDetails service = data.publishedNational("https://www.example.dk/afpublicer");
        logIn(accounts.editor());
        String editorPath = "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside";
        open(editorPath);
        driver.findElement(By.linkText("Afpublicér")).click();
        wait.until(ExpectedConditions.urlToBe(url(editorPath + "/afpublicer")));
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Vil du afpublicere handlingssiden for " + service.title() + "?");
        WebElement red = driver.findElement(By.cssSelector("main form button"));
        assertThat(red.getDomAttribute("class")).contains("button-warning");
        assertNoAccessibilityViolations();

        driver.findElement(By.linkText("Nej, gå tilbage til handlingssiden")).click();
        wait.until(ExpectedConditions.urlToBe(url(editorPath)));
        assertThat(actionPages.find(service.id())).isPresent();

        driver.findElement(By.linkText("Afpublicér")).click();
        wait.until(ExpectedConditions.urlToBe(url(editorPath + "/afpublicer")));
        driver.findElement(By.cssSelector("main form button.button-warning")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Handlingssiden er afpubliceret.");
        assertThat(actionPages.find(service.id())).isEmpty();
        assertNoAccessibilityViolations();
    }

    private HttpResponse<String> waitForCitizenPage(String path) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> answer = get(path);
        while (answer.statusCode() != 200 && System.nanoTime() < until) {
            Thread.sleep(100);
            answer = get(path);
        }
        return answer;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean inViewport(WebElement element) {
        return (Boolean) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;",
                element);
    }

    private boolean overlap(WebElement a, WebElement b) {
        return (Boolean) driver.executeScript("const a = arguments[0].getBoundingClientRect(),"
                + " b = arguments[1].getBoundingClientRect();"
                + " return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;", a, b);
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
