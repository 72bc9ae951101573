package dk.selvbetjening.authority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An editor keeps the register in a real browser (headless Debian Chromium): creates the municipalities and regions,
 * registers an authority after fixing what the form says, completes a municipality's CVR number, retires an
 * authority, and loads a CSV file with an error. Every page on the way is checked with axe-core (WCAG 2.1 A and AA).
 * It runs the way production starts: the postgres profile on an empty PostgreSQL database, logged in as the first
 * editor from the bootstrap settings.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"selvbetjening.linkcheck.enabled=false",
        // a password journey: the postgres profile's mandatory editor passkeys are PasskeyJourneyBrowserTests'
        "selvbetjening.account.editor-passkey-required=false",
        "SELVBETJENING_DB_PASSWORD=unused-the-embedded-server-is-used",
        "SELVBETJENING_CONNECTION_TOKEN_SECRET=a-test-only-status-link-secret-of-40-chars",
        "SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL=" + AuthorityJourneyBrowserTests.FIRST_EDITOR,
        "SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD=" + AuthorityJourneyBrowserTests.FIRST_PASSWORD})
@ActiveProfiles("postgres")
@Import(EmbeddedPostgresConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class AuthorityJourneyBrowserTests {

    static final String FIRST_EDITOR = "forste.redaktoer@redaktion.example";
    static final String FIRST_PASSWORD = "en-lang-adgangskode-til-browseren";

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path file;

    @BeforeAll
    void aFileForTheRegister() throws IOException {
        file = Files.createTempFile("myndigheder", ".csv");
    }

    @AfterAll
    void deleteTheFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Test
    void anEditorFillsTheRegisterCompletesItAndRetiresAnAuthority() throws Exception {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authority").query(Long.class).single()).isZero();
        logIn(FIRST_EDITOR, FIRST_PASSWORD);

        driver.findElement(By.linkText("Myndigheder")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/myndigheder")));
        assertNoAccessibilityViolations("authorities-empty.png");
        driver.findElement(By.cssSelector(".authority-missing button")).click();
        wait.until(ExpectedConditions.urlContains("ufuldstaendige=true"));
        assertThat(driver.findElement(By.cssSelector("[role=status].alert-success")).getText())
                .isEqualTo("103 kommuner og regioner er oprettet. Udfyld deres CVR-numre.");
        assertThat(driver.findElements(By.cssSelector("table.authority-table tbody tr"))).hasSize(103);
        assertNoAccessibilityViolations("authorities-incomplete.png");

        driver.findElement(By.linkText("Opret myndighed")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/myndigheder/ny")));
        assertNoAccessibilityViolations("authority-new.png");
        driver.findElement(By.id("name")).sendKeys("Browserstyrelsen");
        new Select(driver.findElement(By.id("type"))).selectByVisibleText("Statslig myndighed");
        driver.findElement(By.id("cvrNumber")).sendKeys("12345678");
        driver.findElement(By.id("homepageUrl")).sendKeys("http://browser.example.dk");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Fejl:"));
        assertThat(driver.findElements(By.cssSelector(".alert-error li a"))).extracting(e -> e.getDomAttribute("href"))
                .containsExactly("#cvrNumber", "#homepageUrl");
        assertNoAccessibilityViolations("authority-new-errors.png");

        String cvr = AuthorityFixtures.aCvrNumber().value();
        driver.findElement(By.id("cvrNumber")).clear();
        driver.findElement(By.id("cvrNumber")).sendKeys(cvr);
        driver.findElement(By.id("homepageUrl")).clear();
        driver.findElement(By.id("homepageUrl")).sendKeys("https://browser.example.dk");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
                "Browserstyrelsen er oprettet."));
        assertNoAccessibilityViolations("authority-created.png");

        assertThat(driver.findElement(By.id("next-action")).getText())
                .isEqualTo("Næste skridt: Ingen. Ret oplysningerne her, når de ændrer sig.");
        driver.findElement(By.cssSelector(".authority-status-action button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main form button.button-warning")));
        assertNoAccessibilityViolations("authority-retire-confirm.png");
        driver.findElement(By.cssSelector("main form button.button-warning")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".authority-retired-notice")));
        assertThat(driver.findElement(By.id("authority-status")).getText()).isEqualTo("Nedlagt");
        assertThat(driver.findElements(By.cssSelector(".authority-history tbody tr"))).hasSize(2);
        assertNoAccessibilityViolations("authority-retired.png");

        open("/redaktion/myndigheder?type=MUNICIPALITY");
        driver.findElement(By.linkText("Aarhus Kommune")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".authority-incomplete")));
        driver.findElement(By.id("cvrNumber")).sendKeys("55133018");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
                "Ændringerne i Aarhus Kommune er gemt."));
        assertThat(driver.findElements(By.cssSelector(".authority-incomplete"))).isEmpty();

        Files.writeString(file, "Navn;Type;CVR-nummer\r\nFilstyrelsen;Stat;" + AuthorityFixtures.aCvrNumber().value()
                + "\r\nFilkommunen;Kommune;\r\n", StandardCharsets.UTF_8);
        open("/redaktion/myndigheder");
        driver.findElement(By.linkText("Importér fra CSV")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/myndigheder/importer")));
        assertNoAccessibilityViolations("authority-import.png");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/myndigheder/importer/rapport")));
        assertThat(driver.findElement(By.cssSelector("table.report-errors tbody")).getText())
                .isEqualTo("3 Kommunekode En kommune skal have sin kommunekode. Vælg kommunen.");
        assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo("1");
        assertNoAccessibilityViolations("authority-import-report.png");
    }

    private void logIn(String email, String password) {
        open("/redaktion/log-ind");
        browser.submitLogin(email, password);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void assertNoAccessibilityViolations(String screenshot) {
        browser.assertNoAccessibilityViolations();
        browser.screenshot(screenshot);
    }
}
