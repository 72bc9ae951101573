package dk.selvbetjening.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.DEFINED_PORT;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Passkeys in a real browser (headless Debian Chromium) with Chromium's virtual authenticator (CTAP2, internal
 * transport, resident keys, user verification): the WebAuthn ceremonies run for real against the application, which
 * listens on a port chosen here so that its allowed origin is the browser's, {@code http://localhost:<port>} (WebAuthn
 * allows http on localhost only; an IP address is no relying party id). Passkeys are mandatory for editors here.
 * Every page on the way is checked with axe-core and the Content Security Policy.
 */
@SpringBootTest(webEnvironment = DEFINED_PORT, properties = "selvbetjening.account.editor-passkey-required=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class PasskeyJourneyBrowserTests {

    private static final String PAGE = "/redaktion/konto/adgangsnoegler";

    /** A port of its own for each application context (a subclass's context may still be running). */
    @DynamicPropertySource
    static void listenOnTheBrowsersOrigin(DynamicPropertyRegistry registry) {
        int port = TestSocketUtils.findAvailableTcpPort();
        registry.add("server.port", () -> port);
        registry.add("selvbetjening.passkeys.allowed-origins", () -> "http://localhost:" + port);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    JdbcClient jdbc;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void freshSessionAndAuthenticator() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        newAuthenticator();
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        driver.removeVirtualAuthenticator(authenticator);
        authenticator = null;
        browser.assertNoContentSecurityPolicyViolations();
    }

    @Test
    void aPasswordOnlyEditorRegistersAPasskeyLogsInWithItAndRemovesIt() {
        TestAccount editor = accounts.editor();

        logInWithPassword(editor);
        wait.until(ExpectedConditions.urlToBe(url(PAGE)));
        assertThat(text(".alert-warning")).contains("Redaktører skal logge ind med en adgangsnøgle");
        assertThat(text("main")).contains("Du har ingen adgangsnøgler endnu.");
        assertThat(driver.findElement(By.id("passkey-register-notice")).isDisplayed()).isFalse();
        browser.assertNoAccessibilityViolations();
        open("/redaktion/tilslutninger");
        wait.until(ExpectedConditions.urlToBe(url(PAGE)));

        driver.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkeyLabel-error")));
        assertThat(text("#passkeyLabel-error")).isEqualTo("Skriv et navn på adgangsnøglen");
        browser.assertNoAccessibilityViolations();

        register("Arbejdscomputer");
        assertThat(text("[role=status].alert-success")).isEqualTo("Din adgangsnøgle er oprettet.");
        assertThat(cells()).containsExactly(List.of("Arbejdscomputer", cells().get(0).get(1), "Ikke brugt endnu",
                "Fjern"));
        browser.assertNoAccessibilityViolations();
        assertThat(passkeysOf(editor)).isEqualTo(1);
        assertThat(audited(editor, "audit.account.passkeyAdded")).isEqualTo(1);
        open("/redaktion");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/redaktion"));

        logOut();
        browser.assertNoAccessibilityViolations();
        logInWithPasskey();
        waitForBackoffice();
        assertThat(text(".site-tagline")).contains(editor.email());
        open(PAGE);
        assertThat(cells().get(0).get(2)).isNotEqualTo("Ikke brugt endnu").matches("\\d{1,2}\\. .+");

        // With a passkey on the account, the password alone no longer lets the editor in.
        logOut();
        logInWithPassword(editor);
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind?adgangsnoegle-kraevet"));
        assertThat(text(".alert-warning")).contains("Log ind med din adgangsnøgle");
        browser.assertNoAccessibilityViolations();
        open("/redaktion");
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind"));

        logInWithPasskey();
        waitForBackoffice();
        open(PAGE);
        driver.findElement(By.cssSelector(".passkey-list button")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Fjern adgangsnøglen Arbejdscomputer?"));
        browser.assertNoAccessibilityViolations();
        driver.findElement(By.cssSelector(".confirmation-form button")).click();
        wait.until(ExpectedConditions.urlToBe(url(PAGE + "?fjernet")));
        assertThat(text("main")).contains("Adgangsnøglen er fjernet.", "Du har ingen adgangsnøgler endnu.");
        assertThat(passkeysOf(editor)).isZero();
        assertThat(audited(editor, "audit.account.passkeyRemoved")).isEqualTo(1);

        // The authenticator still holds the removed passkey; the application no longer takes it.
        logOut();
        logInWithPasskey();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-login-error")));
        assertThat(text("#passkey-login-error")).startsWith("Du blev ikke logget ind med adgangsnøglen");
        assertThat(driver.getCurrentUrl()).startsWith(url("/redaktion/log-ind"));
        browser.assertNoAccessibilityViolations();
    }

    @Test
    void anotherEditorResetsAnAccountsPasskeysAndThePersonRegistersANewOne() {
        TestAccount lostTheirs = accounts.editor();
        TestAccount helper = accounts.editor();
        logInWithPassword(lostTheirs);
        wait.until(ExpectedConditions.urlToBe(url(PAGE)));
        register("Telefon");
        logOut();

        newAuthenticator();
        logInWithPassword(helper);
        wait.until(ExpectedConditions.urlToBe(url(PAGE)));
        register("Hjælperens nøgle");
        open("/redaktion/konti");
        WebElement reset = driver.findElement(By.cssSelector(
                "button[aria-label='Nulstil adgangsnøgler for " + lostTheirs.email() + "']"));
        reset.click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Nulstil adgangsnøgler for " + lostTheirs.email() + "?"));
        assertThat(text(".alert-warning")).contains("Kontoens adgangsnøgle fjernes");
        browser.assertNoAccessibilityViolations();
        driver.findElement(By.cssSelector(".confirmation-form button")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/konti")));
        assertThat(text("[role=status].alert-success")).contains("Adgangsnøglerne er nulstillet.",
                lostTheirs.email());
        browser.assertNoAccessibilityViolations();
        assertThat(passkeysOf(lostTheirs)).isZero();
        assertThat(passkeysOf(helper)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where subject_type = 'konto' and subject_id = ?
                and action = 'audit.account.passkeysReset' and actor = ?""")
                .params(lostTheirs.id().toString(), helper.email()).query(Long.class).single()).isEqualTo(1);
        assertThat(driver.findElements(By.cssSelector(
                "button[aria-label='Nulstil adgangsnøgler for " + lostTheirs.email() + "']"))).isEmpty();

        // Recovered: the person logs in with the password and is asked for a new passkey.
        logOut();
        logInWithPassword(lostTheirs);
        wait.until(ExpectedConditions.urlToBe(url(PAGE)));
        assertThat(text("main")).contains("Du har ingen adgangsnøgler endnu.");
    }

    private void newAuthenticator() {
        if (authenticator != null) {
            driver.removeVirtualAuthenticator(authenticator);
        }
        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    private void register(String label) {
        WebElement field = driver.findElement(By.id("passkeyLabel"));
        field.clear();
        field.sendKeys(label);
        driver.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url(PAGE + "?oprettet")));
    }

    private void logInWithPassword(TestAccount account) {
        open("/redaktion/log-ind");
        browser.submitLogin(account.email(), account.password());
    }

    private void logInWithPasskey() {
        open("/redaktion/log-ind");
        WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-login")));
        assertThat(driver.findElement(By.id("passkey-login-notice")).isDisplayed()).isFalse();
        button.click();
    }

    /** The backoffice's front page, or the page asked for before the login (Spring's saved request, "?continue"). */
    private void waitForBackoffice() {
        wait.until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(url("/redaktion"))
                + "(\\?continue)?$"));
    }

    private void logOut() {
        driver.findElement(By.cssSelector(".logout-form button")).click();
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind?logget-ud"));
    }

    private List<List<String>> cells() {
        return driver.findElements(By.cssSelector(".passkey-list tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private long passkeysOf(TestAccount account) {
        return jdbc.sql("""
                select count(*) from user_credentials c join user_entities e on e.id = c.user_entity_user_id
                where e.name = ?""").param(account.email()).query(Long.class).single();
    }

    private long audited(TestAccount account, String action) {
        return jdbc.sql("select count(*) from audit_entry where subject_type = 'konto' and subject_id = ? and action = ?")
                .params(account.id().toString(), action).query(Long.class).single();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
