package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.selvbetjening.account.AccountFixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The backoffice session and the stored passwords, as docs/security.md cites them for OWASP ASVS V2 and V3: a login
 * gets a new session id, logging out ends the session, passwords are stored with bcrypt, and a password is taken
 * whole up to bcrypt's 72 bytes, a longer one refused with its reason.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionSecurityTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    JdbcClient jdbc;

    private MvcTestResult login(MockHttpSession session, String email, String password) {
        return mvc.post().uri("/redaktion/log-ind").session(session).with(csrf()).param("email", email)
                .param("password", password).exchange();
    }

    @Test
    void aLoginGetsANewSessionId() {
        TestAccount editor = accounts.editor();
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        assertThat(login(session, editor.email(), editor.password())).redirectedUrl().isEqualTo("/redaktion");
        assertThat(session.getId()).as("the session id after login").isNotEqualTo(before);
        assertThat(mvc.get().uri("/redaktion").session(session)).hasStatusOk();
    }

    @Test
    void loggingOutEndsTheSession() {
        TestAccount editor = accounts.editor();
        MockHttpSession session = new MockHttpSession();
        login(session, editor.email(), editor.password());
        assertThat(mvc.post().uri("/redaktion/log-ud").session(session).with(csrf())).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?logget-ud");
        assertThat(session.isInvalid()).isTrue();
        MockHttpSession reused = new MockHttpSession(null, session.getId());
        assertThat(mvc.get().uri("/redaktion").session(reused)).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .endsWith("/redaktion/log-ind");
    }

    @Test
    void passwordsAreStoredWithBcrypt() {
        TestAccount editor = accounts.editor();
        assertThat(jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(editor.id()).query(String.class)
                .single()).startsWith("{bcrypt}$2a$10$").doesNotContain(editor.password());
    }

    @Test
    void aPasswordIsTakenWholeUpToBcryptsSeventyTwoBytesAndALongerOneIsRefusedWithItsReason() {
        TestAccount editor = accounts.editor();
        MockHttpSession session = new MockHttpSession();
        login(session, editor.email(), editor.password());
        String tooLong = "æøå".repeat(12) + "-nok";
        assertThat(tooLong.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        assertThat(mvc.post().uri("/redaktion/skift-adgangskode").session(session).with(csrf())
                .param("currentPassword", editor.password()).param("newPassword", tooLong)).hasStatusOk()
                .bodyText().contains("Vælg en adgangskode på højst 72 tegn. Æ, ø og å tæller som to tegn.");
        // a long password at the login is a wrong password, never an error
        assertThat(login(new MockHttpSession(), editor.email(), tooLong.repeat(3))).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?fejl");

        String longest = "lang-".repeat(14) + "ok";
        assertThat(longest).hasSize(72);
        assertThat(mvc.post().uri("/redaktion/skift-adgangskode").session(session).with(csrf())
                .param("currentPassword", editor.password()).param("newPassword", longest)).hasStatusOk()
                .bodyText().doesNotContain("højst 72 tegn");
        String otherEnding = longest.substring(0, 71) + "x";
        assertThat(login(new MockHttpSession(), editor.email(), otherEnding)).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?fejl");
        assertThat(login(new MockHttpSession(), editor.email(), longest)).redirectedUrl().isEqualTo("/redaktion");
    }
}
