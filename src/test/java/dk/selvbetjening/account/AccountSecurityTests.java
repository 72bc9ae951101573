package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static dk.selvbetjening.account.LoginRequests.api;
import static dk.selvbetjening.account.LoginRequests.basic;
import static dk.selvbetjening.account.LoginRequests.from;
import static dk.selvbetjening.account.LoginRequests.inParallel;
import static dk.selvbetjening.account.LoginRequests.wrongPasswords;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Login, lockout, the per-address throttle, one-time passwords, sessions that end with the account's credentials and
 * who may reach which backoffice page. Tests that fail logins send them from their own client address, so the
 * throttle of one test never refuses another's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountSecurityTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private MvcTestResult login(String email, String password) {
        return login(email, password, "127.0.0.1");
    }

    private MvcTestResult login(String email, String password, String address) {
        return mvc.post().uri("/redaktion/log-ind").with(csrf()).with(from(address)).param("email", email)
                .param("password", password).exchange();
    }

    private MockHttpSession session(MvcTestResult login) {
        HttpSession session = login.getRequest().getSession(false);
        return (MockHttpSession) session;
    }

    private static int retryAfter(MvcTestResult result) {
        String seconds = result.getResponse().getHeader("Retry-After");
        assertThat(seconds).as("Retry-After").isNotNull();
        return Integer.parseInt(seconds);
    }

    private int failedAttempts(AccountFixtures.TestAccount account) {
        return jdbc.sql("SELECT failed_attempts FROM account WHERE id = ?").param(account.id()).query(Integer.class)
                .single();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/redaktion/tilslutninger")).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/redaktion/log-ind");
        assertThat(mvc.get().uri("/redaktion/log-ind")).hasStatusOk().bodyText()
                .contains("<label class=\"form-label\" for=\"email\">E-mail</label>");
    }

    @Test
    void anEditorLogsInAndReachesTheBackoffice() {
        AccountFixtures.TestAccount editor = accounts.editor();
        MvcTestResult login = login(editor.email(), editor.password());
        assertThat(login).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion");
        assertThat(mvc.get().uri("/redaktion").session(session(login))).hasStatusOk().bodyText()
                .contains("Velkommen, Test EDITOR").contains("Konti");
        assertThat(mvc.get().uri("/redaktion/konti").session(session(login))).hasStatusOk();
    }

    @Test
    void aWrongPasswordSaysWhatToCheckAndIsAudited() {
        AccountFixtures.TestAccount editor = accounts.editor();
        assertThat(login(editor.email(), "forkert", "10.10.0.1")).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?fejl");
        assertThat(mvc.get().uri("/redaktion/log-ind?fejl")).bodyText().contains("Du blev ikke logget ind")
                .contains("Efter 10 forkerte forsøg fra samme adresse skal du vente 15 minutter");
        assertThat(audit.history("konto", editor.id()))
                .anyMatch(e -> e.action().equals("forkert adgangskode") && "10.10.0.1".equals(e.details()));
    }

    @Test
    void aHandfulOfWrongPasswordsFromAStrangerDoesNotLockTheAccountOut() {
        AccountFixtures.TestAccount editor = accounts.editor();
        for (int i = 0; i < 5; i++) {
            login(editor.email(), "forkert-" + i, "10.11.0.1");
        }
        assertThat(login(editor.email(), editor.password(), "10.11.0.2")).redirectedUrl().isEqualTo("/redaktion");
        assertThat(failedAttempts(editor)).isZero();
    }

    @Test
    void fiftyParallelWrongPasswordsOnTheApiAreAllCountedAndNoneIsAnError() throws Exception {
        AccountFixtures.TestAccount editor = accounts.editor();
        List<Integer> statuses = inParallel(wrongPasswords(mvc, editor.email(), 50, "10.12.0.", 1));
        long refused = statuses.stream().filter(s -> s == 401).count();
        long throttled = statuses.stream().filter(s -> s == 429).count();
        assertThat(statuses).doesNotContain(500);
        assertThat(refused + throttled).isEqualTo(50);
        assertThat(refused).isEqualTo(10);
        assertThat(failedAttempts(editor)).isEqualTo(10);

        MvcTestResult stillThrottled = api(mvc, editor.basic(), "10.12.0.0");
        assertThat(stillThrottled).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(retryAfter(stillThrottled)).isBetween(1, 900);
        assertThat(stillThrottled).bodyJson().extractingPath("$.detail").asString()
                .contains("For mange forkerte adgangskoder fra din adresse").contains("15 minutter");
        assertThat(api(mvc, editor.basic(), "10.12.1.1")).hasStatusOk();
        assertThat(failedAttempts(editor)).isZero();
        assertThat(audit.latest("log-ind", 0, 100).getContent())
                .anyMatch(e -> e.subjectId().equals("10.12.0.0") && e.action().startsWith("for mange forkerte"));
    }

    @Test
    void theAccountLocksOnlyAfterManyWrongPasswordsFromSeveralAddressesAndOnlyOnce() throws Exception {
        AccountFixtures.TestAccount editor = accounts.editor();
        assertThat(inParallel(wrongPasswords(mvc, editor.email(), 50, "10.13.0.", 5))).containsOnly(401);
        assertThat(api(mvc, editor.basic(), "10.13.1.1")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(login(editor.email(), editor.password(), "10.13.1.2")).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?fejl");
        assertThat(audit.history("konto", editor.id()))
                .filteredOn(e -> e.action().startsWith("låst")).hasSize(1);
    }

    @Test
    void tooManyWrongPasswordsFromOneAddressAreRefusedBeforeThePasswordIsChecked() {
        AccountFixtures.TestAccount editor = accounts.editor();
        for (int i = 0; i < 10; i++) {
            assertThat(login(editor.email(), "forkert-" + i, "10.14.0.1")).redirectedUrl()
                    .isEqualTo("/redaktion/log-ind?fejl");
        }
        MvcTestResult throttled = login(editor.email(), editor.password(), "10.14.0.1");
        assertThat(throttled).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?for-mange-forsoeg");
        assertThat(retryAfter(throttled)).isBetween(1, 900);
        MvcTestResult page = mvc.get().uri("/redaktion/log-ind?for-mange-forsoeg").with(from("10.14.0.1")).exchange();
        assertThat(page).hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyText()
                .contains("For mange forkerte adgangskoder fra din adresse").contains("Vent 15 minutter");
        assertThat(retryAfter(page)).isBetween(1, 900);
        assertThat(failedAttempts(editor)).isEqualTo(10);
        assertThat(login(editor.email(), editor.password(), "10.14.0.2")).redirectedUrl().isEqualTo("/redaktion");
    }

    @Test
    void aOneTimePasswordIsRefusedOnTheApiUntilItIsChanged() {
        AccountFixtures.TestAccount fresh = accounts.editorWithOneTimePassword();
        MvcTestResult refused = api(mvc, fresh.basic(), "10.15.0.1");
        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("engangsadgangskode")
                .contains("/redaktion/log-ind");
        MockHttpSession session = session(login(fresh.email(), fresh.password(), "10.15.0.1"));
        assertThat(mvc.post().uri("/redaktion/skift-adgangskode").session(session).with(csrf())
                .param("currentPassword", fresh.password()).param("newPassword", "en helt ny og lang sætning"))
                .bodyText().contains("Din adgangskode er skiftet.");
        assertThat(api(mvc, basic(fresh.email(), "en helt ny og lang sætning"), "10.15.0.1")).hasStatusOk();
        assertThat(api(mvc, fresh.basic(), "10.15.0.1")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() {
        AccountFixtures.TestAccount editor = accounts.editor();
        MockHttpSession here = loggedIn(editor, "10.16.0.1");
        MockHttpSession elsewhere = loggedIn(editor, "10.16.0.2");
        assertThat(mvc.post().uri("/redaktion/skift-adgangskode").session(here).with(csrf())
                .param("currentPassword", editor.password()).param("newPassword", "en helt ny og lang sætning"))
                .bodyText().contains("Din adgangskode er skiftet.");
        assertThat(mvc.get().uri("/redaktion/konti").session(here)).hasStatusOk();
        assertEnded(elsewhere);
        assertThat(mvc.get().uri("/redaktion/log-ind?session-afsluttet")).hasStatusOk().bodyText()
                .contains("Du er logget ud, fordi adgangskoden er skiftet, adgangsnøglerne er nulstillet, eller kontoen er deaktiveret.");
        assertThat(mvc.get().uri("/redaktion").session(here)).hasStatusOk();
        assertThat(audit.history("konto", editor.id())).anyMatch(e -> e.action().startsWith("logget ud"));
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndEnablingItAgainDoesNotRevive() {
        AccountFixtures.TestAccount other = accounts.editor();
        MockHttpSession manager = loggedIn(accounts.editor(), "10.17.0.1");
        MockHttpSession otherSession = loggedIn(other, "10.17.0.2");
        assertThat(mvc.get().uri("/redaktion").session(otherSession)).hasStatusOk();
        assertThat(mvc.post().uri("/redaktion/konti/" + other.id() + "/deaktiver").session(manager).with(csrf()))
                .as("asks first").hasStatusOk().bodyText().contains("Ja, deaktivér kontoen");
        assertThat(mvc.get().uri("/redaktion").session(otherSession)).as("still logged in").hasStatusOk();
        manage(manager, other, "deaktiver?bekraeftet=ja");
        manage(manager, other, "aktiver");
        assertEnded(otherSession);
        assertThat(mvc.get().uri("/redaktion").session(manager)).hasStatusOk();
    }

    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequest() {
        AccountFixtures.TestAccount other = accounts.editor();
        MockHttpSession otherSession = loggedIn(other, "10.18.0.2");
        jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = ?").param(other.id()).update();
        assertEnded(otherSession);
    }

    @Test
    void resettingAPasswordEndsTheAccountsSessions() {
        AccountFixtures.TestAccount other = accounts.editor();
        MockHttpSession manager = loggedIn(accounts.editor(), "10.19.0.1");
        MockHttpSession otherSession = loggedIn(other, "10.19.0.2");
        manage(manager, other, "nulstil");
        assertEnded(otherSession);
        assertThat(mvc.get().uri("/redaktion").session(manager)).hasStatusOk();
    }

    private MockHttpSession loggedIn(AccountFixtures.TestAccount account, String address) {
        return session(login(account.email(), account.password(), address));
    }

    /** An editor's action on the accounts page: aktiver, deaktiver, nulstil. */
    private void manage(MockHttpSession editor, AccountFixtures.TestAccount account, String action) {
        assertThat(mvc.post().uri("/redaktion/konti/" + account.id() + "/" + action).session(editor).with(csrf()))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/konti");
    }

    private void assertEnded(MockHttpSession session) {
        assertThat(mvc.get().uri("/redaktion/tilslutninger").session(session)).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo("/redaktion/log-ind?session-afsluttet");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        AccountFixtures.TestAccount fresh = accounts.editorWithOneTimePassword();
        MockHttpSession session = session(login(fresh.email(), fresh.password()));
        assertThat(mvc.get().uri("/redaktion/konti").session(session)).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo("/redaktion/skift-adgangskode");
        assertThat(mvc.post().uri("/redaktion/skift-adgangskode").session(session).with(csrf())
                .param("currentPassword", fresh.password()).param("newPassword", "kort"))
                .bodyText().contains("Vælg en adgangskode på mindst 12 tegn.");
        assertThat(mvc.post().uri("/redaktion/skift-adgangskode").session(session).with(csrf())
                .param("currentPassword", fresh.password()).param("newPassword", "en helt ny og lang sætning"))
                .bodyText().contains("Din adgangskode er skiftet.");
        assertThat(mvc.get().uri("/redaktion/konti").session(session)).hasStatusOk();
    }

    @Test
    void anAuthorityEditorCannotManageAccountsOrSeeTheOutboxOrLog() {
        var authority = authorities.register(AuthorityFixtures.aStateAuthority("Rollestyrelsen"));
        AccountFixtures.TestAccount authorityEditor = accounts.authorityEditor(authority.id());
        MockHttpSession session = session(login(authorityEditor.email(), authorityEditor.password()));
        assertThat(mvc.get().uri("/redaktion").session(session)).hasStatusOk();
        assertThat(mvc.get().uri("/redaktion/konti").session(session)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/redaktion/udbakke").session(session)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/redaktion/log").session(session)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void retiringAnAuthorityEndsItsEditorsSessionsAndLoginsUntilItIsReinstated() throws Exception {
        var authority = authorities.register(AuthorityFixtures.aStateAuthority("Nedlagtstyrelsen"));
        AccountFixtures.TestAccount authorityEditor = accounts.authorityEditor(authority.id());
        AccountFixtures.TestAccount editor = accounts.editor();
        MockHttpSession session = loggedIn(authorityEditor, "10.20.0.1");
        assertThat(mvc.get().uri("/redaktion").session(session)).hasStatusOk();

        var retired = accounts.runAs(editor, () -> authorities.retire(authority.id(), authority.version()));
        assertEnded(session);
        assertThat(login(authorityEditor.email(), authorityEditor.password(), "10.20.0.2"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/log-ind?fejl");
        assertThat(api(mvc, authorityEditor.basic(), "10.20.0.3")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(org.jsoup.Jsoup.parse(mvc.get().uri("/redaktion/konti").session(loggedIn(editor, "10.20.0.6"))
                .exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .select("tr:has(td:containsOwn(" + authorityEditor.email() + ")) td").eachText())
                .contains("Kan ikke logge ind: myndigheden er nedlagt");

        accounts.runAs(editor, () -> authorities.reinstate(authority.id(), retired.version()));
        assertThat(mvc.get().uri("/redaktion").session(loggedIn(authorityEditor, "10.20.0.4"))).hasStatusOk();
        assertThat(api(mvc, authorityEditor.basic(), "10.20.0.5")).hasStatusOk();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        AccountFixtures.TestAccount editor = accounts.editor();
        MockHttpSession session = session(login(editor.email(), editor.password()));
        assertThat(mvc.post().uri("/redaktion/konti").session(session).param("email", "ny@x.dk")
                .param("displayName", "Ny").param("role", "EDITOR")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anEditorCreatesAnAccountWithAOneTimePasswordShownOnce() {
        AccountFixtures.TestAccount editor = accounts.editor();
        MockHttpSession session = session(login(editor.email(), editor.password()));
        MvcTestResult created = mvc.post().uri("/redaktion/konti").session(session).with(csrf())
                .param("email", "ny.redaktoer@kommune.dk").param("displayName", "Ny Redaktør")
                .param("role", "EDITOR").param("authorityId", "").exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion/konti");
        assertThat(mvc.get().uri("/redaktion/konti").session(session)).bodyText().contains("Kontoen ny.redaktoer@kommune.dk er oprettet").contains("Engangsadgangskode: ");
        assertThat(mvc.get().uri("/redaktion/konti").session(session)).bodyText().doesNotContain("Engangsadgangskode");
        assertThat(mvc.post().uri("/redaktion/konti").session(session).with(csrf())
                .param("email", "ny.redaktoer@kommune.dk").param("displayName", "Igen").param("role", "EDITOR"))
                .bodyText().contains("Der findes allerede en konto med den e-mail.");
    }
}
