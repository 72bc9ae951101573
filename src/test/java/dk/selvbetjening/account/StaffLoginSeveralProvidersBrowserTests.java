package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;
import java.util.UUID;

import dk.selvbetjening.account.OidcTestProvider.Person;
import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.authority.NewAuthority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff login with two OpenID Connect providers at once (two real providers on loopback ports, see
 * {@link OidcTestProvider}), in headless Chromium: the login page shows a button per provider with its label, in label
 * order, as a list of links that works without JavaScript and passes axe-core; a person logs in through either; the
 * same subject at the two providers is two people, each with their own account or access request; the audit names
 * the provider; logging out ends the session at the provider the person came through. The second provider is like an
 * authority's own login: its own subject claim, no CVR claim, and it may speak for its own authority only.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class StaffLoginSeveralProvidersBrowserTests extends StaffLoginBrowserSupport {

    /** No client name: the default label. Its registration id sorts first, its label last. */
    private static final OidcTestProvider NEMLOGIN = OidcTestProvider.start("nemlogin", null);
    private static final OidcTestProvider KOMMUNE = OidcTestProvider.start("sso-kk", "Log ind med Københavns Kommune",
            "oid");
    /** The only organisation the second provider may speak for. */
    private static final CvrNumber KOMMUNE_CVR = AuthorityFixtures.aCvrNumber();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        List.of(NEMLOGIN, KOMMUNE).forEach(provider -> provider.portalProperties()
                .forEach((name, value) -> registry.add(name, () -> value)));
        registry.add("selvbetjening.oidc.providers.sso-kk.subject-claim", () -> "oid");
        registry.add("selvbetjening.oidc.providers.sso-kk.cvr-numbers", KOMMUNE_CVR::value);
    }

    private AuthorityDetails kommune;

    @BeforeAll
    void pointTheProvidersAtThePortal() {
        NEMLOGIN.portalAt("http://127.0.0.1:" + port);
        KOMMUNE.portalAt("http://127.0.0.1:" + port);
        kommune = authorities.register(new NewAuthority("Testkommunen", AuthorityType.STATE, KOMMUNE_CVR, null,
                "https://www.testkommunen.example", "+45 70 00 00 01", "post@testkommunen.example", false));
    }

    @AfterAll
    void stopTheProviders() {
        NEMLOGIN.close();
        KOMMUNE.close();
    }

    @BeforeEach
    void noSessions() {
        open(LOGIN);
        driver.manage().deleteAllCookies();
    }

    @Test
    void theLoginPageListsEveryProviderByItsLabelInLabelOrderAndWorksWithoutJavaScript() {
        open(LOGIN);
        List<WebElement> buttons = buttons();
        assertThat(buttons).extracting(WebElement::getText)
                .containsExactly("Log ind med Københavns Kommune", "Log ind med NemLog-in");
        assertThat(buttons).extracting(b -> b.getAttribute("href"))
                .containsExactly(url("/oauth2/authorization/sso-kk"), url("/oauth2/authorization/nemlogin"));
        assertThat(driver.findElements(By.id("oidc-login"))).as("the single provider's button is not shown").isEmpty();
        assertThat(driver.findElement(By.cssSelector(".oidc-login")).getText())
                .contains("Vælg det login, du plejer at bruge.");
        browser.assertNoAccessibilityViolations();

        browser.withoutPageScripts(() -> {
            open(LOGIN);
            button("Log ind med Københavns Kommune").click();
            wait.until(ExpectedConditions.urlToBe(KOMMUNE.issuer() + "/login"));
        });
    }

    @Test
    void theSameSubjectAtTwoProvidersIsTwoPeopleEachLoggingInThroughTheirOwn() {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Toudbyderstyrelsen"));
        trust(authority, true);
        String subject = UUID.randomUUID().toString();
        Person atNemLogin = person(NEMLOGIN, subject, "Nanna Nemlund", authority.cvrNumber());
        Person atKommune = person(KOMMUNE, subject, "Kaj Kommunesen", null);
        trust(kommune, true);

        logInAt(NEMLOGIN, atNemLogin);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        AccountSummary nanna = account(atNemLogin);
        assertThat(nanna).isNotNull();
        logOut();

        logInAt(KOMMUNE, atKommune);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        AccountSummary kaj = account(atKommune);
        assertThat(kaj).as("the same sub at another provider is another person").isNotNull();
        assertThat(kaj.id()).isNotEqualTo(nanna.id());
        assertThat(kaj.authorityId()).as("the only organisation its provider speaks for").isEqualTo(kommune.id());
        assertThat(driver.getPageSource()).contains(atKommune.email()).doesNotContain(atNemLogin.email());
        assertThat(details(AccountService.AUDIT_TYPE, atKommune))
                .containsExactly("Testkommunen, via " + KOMMUNE.issuer());
        assertThat(details(AccountService.AUDIT_TYPE, atNemLogin))
                .containsExactly("Toudbyderstyrelsen, via " + NEMLOGIN.issuer());

        // Logging out ends the session at the provider the person came through (its origin is a form-action).
        logOut();
        browser.assertNoContentSecurityPolicyViolations();
        button("Log ind med Københavns Kommune").click();
        wait.until(ExpectedConditions.urlToBe(KOMMUNE.issuer() + "/login"));

        // Each logs in to their own account again.
        logInAt(KOMMUNE, atKommune);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        assertThat(driver.getPageSource()).contains(atKommune.email());
        logOut();
        logInAt(NEMLOGIN, atNemLogin);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        assertThat(driver.getPageSource()).contains(atNemLogin.email()).doesNotContain(atKommune.email());
    }

    @Test
    void anAccessRequestBelongsToTheProviderItCameThrough() {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Anmodningsstyrelsen"));
        String subject = UUID.randomUUID().toString();
        Person atKommune = person(KOMMUNE, subject, "Karen Kirk", null);
        trust(kommune, false);
        Person atNemLogin = person(NEMLOGIN, subject, "Niels Nord", authority.cvrNumber());

        logInAt(KOMMUNE, atKommune);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/adgang-anmodet")));
        assertThat(details(StaffLogin.REQUEST_AUDIT_TYPE, atKommune))
                .containsExactly("Karen Kirk, Testkommunen, via " + KOMMUNE.issuer());
        AccessRequestSummary request = pending(atKommune);
        assertThat(request.issuer()).isEqualTo(KOMMUNE.issuer());
        accounts.runAs(editor, () -> {
            accessRequests.approve(request.id());
            return null;
        });

        // The same subject at the other provider is not the approved person: they ask for access themselves.
        open(LOGIN);
        logInAt(NEMLOGIN, atNemLogin);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/adgang-anmodet")));
        assertThat(account(atNemLogin)).isNull();
        assertThat(pending(atNemLogin).displayName()).isEqualTo("Niels Nord");

        // The editors see which provider each request came through.
        driver.manage().deleteAllCookies();
        logInLocally(editor);
        open("/redaktion/adgang");
        assertThat(driver.findElement(By.xpath("//table[contains(@class,'access-requests')]//tr[contains(., '"
                + atNemLogin.email() + "')]")).getText()).contains("Niels Nord", "Logget ind via " + NEMLOGIN.issuer());
        browser.assertNoAccessibilityViolations();

        // The approved person logs in through the provider they asked through.
        driver.manage().deleteAllCookies();
        open(LOGIN);
        logInAt(KOMMUNE, atKommune);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        assertThat(account(atKommune).authorityId()).isEqualTo(kommune.id());
        assertThat(pending(atNemLogin).authorityId()).isEqualTo(authority.id());
    }

    @Test
    void anAuthoritysOwnLoginCannotSpeakForAnotherAuthority() {
        AuthorityDetails other = authorities.register(AuthorityFixtures.aStateAuthority("Fremmedstyrelsen"));
        trust(other, true);
        Person claimsOther = person(KOMMUNE, UUID.randomUUID().toString(), "Frank Fremmed", other.cvrNumber());

        logInAt(KOMMUNE, claimsOther);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/fejl?aarsag=oplysninger")));
        assertThat(account(claimsOther)).as("not let in at the trusted authority its provider may not name").isNull();
        browser.assertNoAccessibilityViolations();
    }

    private void trust(AuthorityDetails authority, boolean trusted) {
        accounts.runAs(editor, () -> {
            authorities.trustStaffLogin(authority.id(), trusted);
            return null;
        });
    }

    private List<WebElement> buttons() {
        return driver.findElements(By.cssSelector("ul.oidc-logins > li > a.button"));
    }

    private WebElement button(String label) {
        return buttons().stream().filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
    }

    /** The details of the entries of {@code subjectType} the person made themselves. */
    private List<String> details(String subjectType, Person person) {
        return accounts.runAs(editor, () -> audit.latest(subjectType, 0, 1000)).stream()
                .filter(e -> person.email().equals(e.actor())).map(AuditEntrySummary::details).toList();
    }

    /** From the portal's login page: the provider's button, then its login form when it asks. */
    private void logInAt(OidcTestProvider provider, Person person) {
        open(LOGIN);
        driver.findElement(By.cssSelector("a[href$='/oauth2/authorization/" + provider.registration() + "']"))
                .click();
        logInAtProviderIfAsked(provider, person);
    }
}
