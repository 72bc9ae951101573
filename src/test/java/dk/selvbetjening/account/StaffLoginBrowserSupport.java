package dk.selvbetjening.account;

import java.util.concurrent.atomic.AtomicInteger;

import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.account.OidcTestProvider.Person;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the staff login's browser tests against real OpenID Connect providers share: the portal's parts they look
 * at, an editor, and the steps of a login at a provider, a local login and a logout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
abstract class StaffLoginBrowserSupport {

    static final String LOGIN = "/redaktion/log-ind";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AccountService accountService;

    @Autowired
    AccessRequestService accessRequests;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AuditLog audit;

    Browser browser;
    ChromeDriver driver;
    WebDriverWait wait;
    TestAccount editor;

    @BeforeAll
    void anEditor() {
        editor = accounts.editor();
    }

    /** A new person at {@code provider}, with the stable id {@code subject}. */
    Person person(OidcTestProvider provider, String subject, String name, String cvr) {
        return provider.addPerson("person-" + PEOPLE.incrementAndGet() + "-" + port, subject, name, cvr);
    }

    AccountSummary account(Person person) {
        return accounts.runAs(editor, () -> accountService.accounts()).stream()
                .filter(a -> a.email().equals(person.email())).findFirst().orElse(null);
    }

    AccessRequestSummary pending(Person person) {
        return accounts.runAs(editor, () -> accessRequests.pending()).stream()
                .filter(r -> r.email().equals(person.email())).findFirst().orElseThrow();
    }

    /** After a button was clicked: the provider's login form when it asks, then back at the portal. */
    void logInAtProviderIfAsked(OidcTestProvider provider, Person person) {
        wait.until(d -> !d.getCurrentUrl().contains("/oauth2/authorization/"));
        if (driver.getCurrentUrl().startsWith(provider.issuer() + "/login")) {
            driver.findElement(By.id("username")).sendKeys(person.username());
            driver.findElement(By.id("password")).sendKeys(OidcTestProvider.PASSWORD);
            driver.findElement(By.cssSelector("button[type=submit]")).click();
        }
        wait.until(d -> d.getCurrentUrl().startsWith(url("")) && !d.getCurrentUrl().contains("/login/oauth2/code/"));
    }

    void logInLocally(TestAccount account) {
        open(LOGIN);
        browser.submitLogin(account.email(), account.password());
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
    }

    void logOut() {
        driver.findElement(By.xpath("//button[normalize-space()='Log ud']")).click();
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "?logget-ud")));
    }

    void open(String path) {
        driver.get(url(path));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
