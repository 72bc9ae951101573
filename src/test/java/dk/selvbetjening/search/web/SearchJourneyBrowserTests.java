package dk.selvbetjening.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.util.List;

import dk.selvbetjening.shared.ModuleListeners;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Searching in a real browser over the demo content: typing in the header's search box, choosing a suggestion with
 * the keyboard alone (ARIA 1.2 combobox), and the same search without JavaScript. axe-core on the way.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "selvbetjening.demo.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class SearchJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ModuleListeners listeners;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void indexed() {
        listeners.awaitAll("search.");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void typesInTheHeaderBoxAndChoosesASuggestionWithTheKeyboard() {
        driver.get(url("/"));
        WebElement box = driver.findElement(By.id("header-search-q"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys("korek");
        wait.withTimeout(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(box, "aria-expanded", "true"));
        WebElement list = driver.findElement(By.id(box.getAttribute("aria-controls")));
        assertThat(list.getAttribute("role")).isEqualTo("listbox");
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertThat(options.get(0).getText()).isEqualTo("Forny dit kørekort");
        wait.until(d -> d.findElement(By.cssSelector(".header-search [role=status]")).getText()
                .startsWith(options.size() + " forslag"));
        browser.assertNoAccessibilityViolations();

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/handlingsside/forny-dit-koerekort"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Forny dit kørekort");
        browser.assertNoContentSecurityPolicyViolations();
    }

    @Test
    void escapeClosesTheSuggestionsAndEnterSearches() {
        driver.get(url("/emner/familie-og-boern"));
        WebElement box = driver.findElement(By.id("header-search-q"));
        box.sendKeys("boligst");
        wait.withTimeout(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(box, "aria-expanded", "true"));
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/soeg?q=boligst"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Søg efter selvbetjening");
        browser.assertNoAccessibilityViolations();
    }

    @Test
    void searchesWithoutJavaScript() {
        browser.withoutPageScripts(() -> {
            driver.get(url("/"));
            WebElement box = driver.findElement(By.id("header-search-q"));
            assertThat(box.getAttribute("role")).as("no combobox without JavaScript").isNull();
            box.sendKeys("cykeltyveri");
            box.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("/soeg?q=cykeltyveri"));
            WebElement first = driver.findElement(By.cssSelector(".search-results li h2 a"));
            assertThat(first.getText()).isEqualTo("Anmeld tyveri af din cykel");
            driver.findElement(By.linkText("Anmeld tyveri af din cykel")).click();
            wait.until(ExpectedConditions.urlContains("/handlingsside/anmeld-tyveri-af-din-cykel"));
        });
        driver.get(url("/soeg?q=korekort"));
        browser.assertNoAccessibilityViolations();
    }
}
