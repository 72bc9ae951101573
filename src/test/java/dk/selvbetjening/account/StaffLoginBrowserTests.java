package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.account.OidcTestProvider.NextToken;
import dk.selvbetjening.account.OidcTestProvider.Person;
import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff login with OpenID Connect against a real provider (Spring Security's authorization server, started on a
 * loopback port by {@link OidcTestProvider}), in headless Chromium: a person of a known authority asks for access, an
 * editor approves, and the person works with the authority's rights; a trusted authority's staff are let in at once;
 * an unknown organisation gets Danish guidance; a changed CVR number takes the old authority's rights away; a wrong
 * nonce, an expired ID token and a tampered state are refused with a Danish page; logging out ends the provider's
 * session too. Every new page is checked with axe-core.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "logging.level.dk.selvbetjening.account.StaffLoginFailureHandler=INFO"})
class StaffLoginBrowserTests extends StaffLoginBrowserSupport {

    private static final OidcTestProvider PROVIDER = OidcTestProvider.start();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.portalProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    void pointTheProviderAtThePortal() {
        PROVIDER.portalAt("http://127.0.0.1:" + port);
    }

    @AfterAll
    void stopTheProvider() {
        PROVIDER.close();
    }

    /** No session at the portal nor at the provider (both on 127.0.0.1, so one host's cookies). */
    @BeforeEach
    void noSessions() {
        open(LOGIN);
        driver.manage().deleteAllCookies();
        PROVIDER.nextToken(NextToken.VALID);
    }

    @Test
    void aPersonOfAKnownAuthorityAsksForAccessAnEditorApprovesAndTheyWorkWithItsRightsUntilTheyLogOutEverywhere() {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Adgangsstyrelsen"));
        Person anna = person("Anna Andersen", authority.cvrNumber());

        open(LOGIN);
        assertThat(driver.findElement(By.id("oidc-login")).getText()).isEqualTo("Log ind med NemLog-in");
        browser.assertNoAccessibilityViolations();
        logInAtProvider(anna);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/adgang-anmodet")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Din anmodning om adgang er modtaget");
        browser.assertNoAccessibilityViolations();
        assertThat(account(anna)).as("no account before an editor approves").isNull();

        // An editor approves, after a confirmation.
        driver.manage().deleteAllCookies();
        logInLocally(editor);
        open("/redaktion/adgang");
        assertThat(driver.findElement(By.cssSelector("table.access-requests")).getText())
                .contains("Anna Andersen", anna.email(), "Adgangsstyrelsen", "CVR-nummer " + authority.cvrNumber());
        browser.assertNoAccessibilityViolations();
        driver.findElement(By.cssSelector("button[aria-label='Godkend Anna Andersen']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Vil du give Anna Andersen adgang?"));
        browser.assertNoAccessibilityViolations();
        driver.findElement(By.xpath("//button[normalize-space()='Ja, giv adgang']")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/adgang")));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Anna Andersen har fået adgang.");
        assertThat(driver.findElements(By.cssSelector("button[aria-label='Godkend Anna Andersen']"))).isEmpty();
        logOut();

        // Anna logs in and works as the authority's editor: her role comes from the approval, not from a claim.
        logInAtProvider(anna);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        AccountSummary account = account(anna);
        assertThat(account.role()).isEqualTo(Role.AUTHORITY_EDITOR);
        assertThat(account.authorityId()).isEqualTo(authority.id());
        assertThat(account.enabled()).isTrue();
        open("/redaktion/adgang");
        assertThat(driver.getPageSource()).as("an authority editor does not decide access requests")
                .doesNotContain("access-requests");
        assertThat(actions(StaffLogin.REQUEST_AUDIT_TYPE)).contains("anmodede om adgang", "godkendt");

        // Logging out ends the provider's session too: the next login asks for the password again.
        open("/redaktion");
        logOut();
        driver.findElement(By.id("oidc-login")).click();
        wait.until(ExpectedConditions.urlToBe(PROVIDER.issuer() + "/login"));
        assertThat(driver.findElements(By.id("username"))).isNotEmpty();
        browser.assertNoContentSecurityPolicyViolations();
    }

    @Test
    void aTrustedAuthoritysStaffAreLetInAtOnce() {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Tillidsstyrelsen"));
        logInLocally(editor);
        open("/redaktion/myndigheder/" + authority.id());
        driver.findElement(By.xpath("//button[normalize-space()='Giv adgang uden godkendelse']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-login-trust"), "Betroet"));
        browser.assertNoAccessibilityViolations();
        logOut();
        assertThat(authorities.isStaffLoginTrusted(authority.id())).isTrue();
        assertThat(authorities.history(authority.id())).extracting(AuditEntrySummary::action)
                .contains("medarbejderes log ind betroet");

        Person bo = person("Bo Berg", authority.cvrNumber());
        logInAtProvider(bo);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        assertThat(account(bo).authorityId()).isEqualTo(authority.id());
        assertThat(account(bo).role()).isEqualTo(Role.AUTHORITY_EDITOR);
    }

    @Test
    void aPersonOfAnUnknownOrganisationIsToldInDanishHowToAskForAccess() {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        Person carl = person("Carl Carlsen", cvr);
        open(LOGIN);
        logInAtProvider(carl);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/ukendt-organisation")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Din organisation er ikke kendt");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("CVR-nummer " + cvr)
                .contains("Sådan får du adgang");
        browser.assertNoAccessibilityViolations();
        assertThat(account(carl)).isNull();
        assertThat(accessRequests(carl)).isZero();
    }

    @Test
    void anAccountWhoseOrganisationChangedCvrLosesTheOldAuthoritysRightsAtItsNextLogin() {
        AuthorityDetails before = authorities.register(AuthorityFixtures.aStateAuthority("Gammelstyrelsen"));
        AuthorityDetails after = authorities.register(AuthorityFixtures.aStateAuthority("Nystyrelsen"));
        accounts.runAs(editor, () -> {
            authorities.trustStaffLogin(before.id(), true);
            return null;
        });
        Person dorte = person("Dorte Dam", before.cvrNumber());
        open(LOGIN);
        logInAtProvider(dorte);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        assertThat(account(dorte).authorityId()).isEqualTo(before.id());
        logOut();

        PROVIDER.changeCvr(dorte.username(), after.cvrNumber());
        driver.findElement(By.id("oidc-login")).click();
        logInAtProviderIfAsked(PROVIDER, dorte);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/adgang-anmodet")));
        AccountSummary account = account(dorte);
        assertThat(account.enabled()).as("the old authority's rights are gone").isFalse();
        AccessRequestSummary request = pending(dorte);
        assertThat(request.authorityId()).isEqualTo(after.id());
        assertThat(request.organisationChanged()).isTrue();

        accounts.runAs(editor, () -> {
            accessRequests.approve(request.id());
            return null;
        });
        assertThat(account(dorte).authorityId()).isEqualTo(after.id());
        assertThat(account(dorte).enabled()).isTrue();
        driver.findElement(By.linkText("Tilbage til log ind")).click();
        driver.findElement(By.id("oidc-login")).click();
        logInAtProviderIfAsked(PROVIDER, dorte);
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
    }

    @Test
    void aRejectedPersonIsRefusedAtTheirNextLogin() {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Afvisningsstyrelsen"));
        Person erik = person("Erik Eriksen", authority.cvrNumber());
        open(LOGIN);
        logInAtProvider(erik);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/adgang-anmodet")));
        AccessRequestSummary request = pending(erik);
        accounts.runAs(editor, () -> {
            accessRequests.reject(request.id());
            return null;
        });
        driver.findElement(By.linkText("Tilbage til log ind")).click();
        driver.findElement(By.id("oidc-login")).click();
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/fejl?aarsag=afvist")));
        assertThat(driver.findElement(By.id("login-failed-reason")).getText()).startsWith("Du har ikke adgang");
        assertThat(accessRequests(erik)).isEqualTo(1);
    }

    @Test
    void anIdTokenWithAWrongNonceOrAlreadyExpiredIsRefusedWithADanishPage() {
        AuthorityDetails authority = authorities.register(AuthorityFixtures.aStateAuthority("Noncestyrelsen"));
        accounts.runAs(editor, () -> {
            authorities.trustStaffLogin(authority.id(), true);
            return null;
        });
        Person frida = person("Frida Fisker", authority.cvrNumber());

        PROVIDER.nextToken(NextToken.WRONG_NONCE);
        open(LOGIN);
        logInAtProvider(frida);
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/fejl")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Du blev ikke logget ind");
        browser.assertNoAccessibilityViolations();
        assertThat(account(frida)).as("nothing is created from a refused token").isNull();

        PROVIDER.nextToken(NextToken.EXPIRED);
        open(LOGIN);
        driver.findElement(By.id("oidc-login")).click();
        wait.until(ExpectedConditions.urlToBe(url(LOGIN + "/fejl")));
        open("/redaktion");
        wait.until(ExpectedConditions.urlToBe(url(LOGIN)));
        assertThat(account(frida)).isNull();

        // The same person with a valid token gets in: the refusals above were the tokens'.
        open(LOGIN);
        driver.findElement(By.id("oidc-login")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        assertThat(account(frida)).isNotNull();
    }

    @Test
    void theAuthorizationRequestUsesPkceAndANonceAndATamperedStateIsRefusedWithADanishPage() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = get(http, url("/oauth2/authorization/" + OidcTestProvider.REGISTRATION));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(PROVIDER.issuer() + "/oauth2/authorize");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "nonce", "state");

        HttpResponse<String> tampered = get(http, url("/login/oauth2/code/" + OidcTestProvider.REGISTRATION
                + "?code=forfalsket&state=" + query.get("state") + "x"));
        assertThat(tampered.statusCode()).isEqualTo(302);
        assertThat(tampered.headers().firstValue("Location").orElseThrow()).endsWith(LOGIN + "/fejl");
        HttpResponse<String> page = get(http, url(LOGIN + "/fejl"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Du blev ikke logget ind");
        HttpResponse<String> backoffice = get(http, url("/redaktion"));
        assertThat(backoffice.statusCode()).isEqualTo(302);
        assertThat(backoffice.headers().firstValue("Location").orElseThrow()).endsWith(LOGIN);
    }

    private Person person(String name, String cvr) {
        return person(PROVIDER, UUID.randomUUID().toString(), name, cvr);
    }

    private long accessRequests(Person person) {
        return accounts.runAs(editor, () -> audit.latest(StaffLogin.REQUEST_AUDIT_TYPE, 0, 1000)).stream()
                .filter(e -> person.email().equals(e.actor())).count();
    }

    private java.util.List<String> actions(String subjectType) {
        return accounts.runAs(editor, () -> audit.latest(subjectType, 0, 1000)).stream()
                .map(AuditEntrySummary::action).toList();
    }

    /** From the portal's login page: the button, then the provider's login form. */
    private void logInAtProvider(Person person) {
        driver.findElement(By.id("oidc-login")).click();
        logInAtProviderIfAsked(PROVIDER, person);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }
}
