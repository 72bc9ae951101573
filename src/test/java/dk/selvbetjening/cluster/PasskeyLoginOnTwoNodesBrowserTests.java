package dk.selvbetjening.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.util.TestSocketUtils;

/**
 * The two-node login with the postgres profile's rule as in production: editors must use a passkey (ADR 0027, 0034).
 * A headless Chromium with a virtual authenticator registers the editor's passkey on node A, uses the session on node
 * B, and logs in with the passkey on node B; then the password alone is refused on node A. Both nodes are on
 * {@code localhost} (WebAuthn allows http there only), each an allowed origin of the one relying party.
 */
@WithBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyLoginOnTwoNodesBrowserTests {

    private static final String PASSKEYS = "/redaktion/konto/adgangsnoegler";

    private TwoNodes nodes;
    private String a;
    private String b;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        int portA = TestSocketUtils.findAvailableTcpPort();
        int portB = TestSocketUtils.findAvailableTcpPort();
        a = "http://localhost:" + portA;
        b = "http://localhost:" + portB;
        nodes = TwoNodes.startOnPorts(portA, portB, "selvbetjening.account.editor-passkey-required=true",
                "selvbetjening.passkeys.allowed-origins=" + a + "," + b);
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aPasskeyRegisteredOnOneNodeLogsInOnTheOther() {
        driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));

        // On A: the password alone leads only to registering a passkey
        driver.get(a + "/redaktion/log-ind");
        browser.submitLogin(TwoNodes.EDITOR, TwoNodes.PASSWORD);
        wait.until(ExpectedConditions.urlToBe(a + PASSKEYS));
        WebElement label = driver.findElement(By.id("passkeyLabel"));
        label.sendKeys("Klyngens nøgle");
        driver.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(a + PASSKEYS + "?oprettet"));

        // The same session (one cookie for localhost) holds on B
        driver.get(b + "/redaktion");
        assertThat(driver.getCurrentUrl()).isEqualTo(b + "/redaktion");
        logOut();

        // On B: the passkey registered on A logs in
        driver.get(b + "/redaktion/log-ind");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-login"))).click();
        wait.until(ExpectedConditions.urlMatches("^" + Pattern.quote(b + "/redaktion") + "(\\?continue)?$"));
        assertThat(driver.findElement(By.cssSelector(".site-tagline")).getText()).contains(TwoNodes.EDITOR);
        logOut();

        // On A: with a passkey on the account, the password alone no longer lets the editor in
        driver.get(a + "/redaktion/log-ind");
        browser.submitLogin(TwoNodes.EDITOR, TwoNodes.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind?adgangsnoegle-kraevet"));
        driver.get(a + "/redaktion");
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind"));
        browser.assertNoContentSecurityPolicyViolations();
    }

    private void logOut() {
        driver.findElement(By.cssSelector(".logout-form button")).click();
        wait.until(ExpectedConditions.urlContains("/redaktion/log-ind?logget-ud"));
    }
}
