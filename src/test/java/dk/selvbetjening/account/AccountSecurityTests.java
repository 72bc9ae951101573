package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Login, lockout, one-time passwords and who may reach which backoffice page. */
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

    private MvcTestResult login(String email, String password) {
        return mvc.post().uri("/redaktion/log-ind").with(csrf()).param("email", email).param("password", password)
                .exchange();
    }

    private MockHttpSession session(MvcTestResult login) {
        HttpSession session = login.getRequest().getSession(false);
        return (MockHttpSession) session;
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
    void aWrongPasswordSaysWhatToCheck() {
        AccountFixtures.TestAccount editor = accounts.editor();
        assertThat(login(editor.email(), "forkert")).redirectedUrl().isEqualTo("/redaktion/log-ind?fejl");
        assertThat(mvc.get().uri("/redaktion/log-ind?fejl")).bodyText().contains("Du blev ikke logget ind")
                .contains("Efter 5 forkerte forsøg");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        AccountFixtures.TestAccount editor = accounts.editor();
        for (int i = 0; i < 5; i++) {
            login(editor.email(), "forkert-" + i);
        }
        assertThat(login(editor.email(), editor.password())).redirectedUrl().isEqualTo("/redaktion/log-ind?fejl");
        assertThat(audit.history("konto", editor.id())).anyMatch(e -> e.action().startsWith("låst"));
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
