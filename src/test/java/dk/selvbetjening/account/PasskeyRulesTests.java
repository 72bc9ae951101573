package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.account.AccountFixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The passkey rules over HTTP, where no browser ceremony is needed: mandatory passkeys for editors who logged in with
 * a password, what a passkey login may do, the recovery by another editor, and the parts of Spring Security's WebAuthn
 * support that are turned off or bound to this relying party.
 */
@SpringBootTest(properties = "selvbetjening.account.editor-passkey-required=true")
@AutoConfigureMockMvc
class PasskeyRulesTests {

    private static final String PAGE = "/redaktion/konto/adgangsnoegler";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    PasskeyFixtures passkeys;

    @Autowired
    PasskeyCredentials credentials;

    @Autowired
    AccountService accountService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.selvbetjening.authority.AuthorityService authorities;

    @Test
    void aPasswordOnlyEditorReachesNothingButThePasskeyPageUntilOneIsRegistered() {
        TestAccount editor = accounts.editor();
        MockHttpSession session = logInWithPassword(editor);

        for (String elsewhere : List.of("/redaktion", "/redaktion/tilslutninger", "/redaktion/konti")) {
            assertThat(mvc.get().uri(elsewhere).session(session)).hasStatus(HttpStatus.FOUND).redirectedUrl()
                    .isEqualTo(PAGE);
        }
        assertThat(mvc.post().uri("/redaktion/konti").session(session).with(csrf()).param("email", "x@y.dk"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(PAGE);
        assertThat(mvc.get().uri(PAGE).session(session)).hasStatusOk().bodyText()
                .contains("Redaktører skal logge ind med en adgangsnøgle", "Du har ingen adgangsnøgler endnu.",
                        "En adgangsnøgle kræver JavaScript.");
        assertThat(mvc.get().uri("/redaktion/skift-adgangskode").session(session)).hasStatusOk();

        passkeys.store(editor.email(), "Registreret nu");
        assertThat(mvc.get().uri("/redaktion").session(session)).hasStatusOk();
        assertThat(mvc.get().uri(PAGE).session(session)).hasStatusOk().bodyText().contains("Registreret nu")
                .doesNotContain("Redaktører skal logge ind med en adgangsnøgle");
        assertThat(mvc.post().uri("/redaktion/log-ud").session(session).with(csrf())).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?logget-ud");
    }

    @Test
    void aPasswordLoginOfAnEditorWithAPasskeyIsLoggedOutAndAskedForThePasskey() {
        TestAccount editor = accounts.editor();
        passkeys.store(editor.email(), "Telefon");
        MockHttpSession session = logInWithPassword(editor);

        assertThat(mvc.get().uri("/redaktion").session(session)).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?adgangsnoegle-kraevet");
        assertThat(mvc.get().uri(PAGE).session(session)).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .endsWith("/redaktion/log-ind");
        assertThat(mvc.get().uri("/redaktion/log-ind?adgangsnoegle-kraevet")).hasStatusOk().bodyText()
                .contains("Log ind med din adgangsnøgle", "Log ind med adgangsnøgle");
    }

    @Test
    void aPasskeyLoginAndAnAuthorityEditorsPasswordLoginPass() {
        TestAccount editor = accounts.editor();
        passkeys.store(editor.email(), "Telefon");
        assertThat(mvc.get().uri("/redaktion").with(loggedIn(editor, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)))
                .hasStatusOk();

        TestAccount authorityEditor = accounts.authorityEditor(anyAuthority());
        assertThat(mvc.get().uri("/redaktion").with(loggedIn(authorityEditor,
                FactorGrantedAuthority.PASSWORD_AUTHORITY))).hasStatusOk();
    }

    @Test
    void anotherEditorResetsAnAccountsPasskeysWhichEndsItsSessionsAndIsAudited() {
        TestAccount owner = accounts.editor();
        TestAccount helper = accounts.editor();
        CredentialRecord passkey = passkeys.store(owner.email(), "Tabt telefon");
        RequestPostProcessor ownerSession = loggedIn(owner, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
        RequestPostProcessor helperSession = loggedIn(helper, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
        String reset = "/redaktion/konti/" + owner.id() + "/nulstil-adgangsnoegler";

        assertThat(mvc.get().uri("/redaktion/konti").with(helperSession)).hasStatusOk().bodyText()
                .contains("Nulstil adgangsnøgler for " + owner.email());
        assertThat(mvc.post().uri(reset).with(helperSession)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(reset).with(helperSession).with(csrf())).hasStatusOk().bodyText()
                .contains("Nulstil adgangsnøgler for " + owner.email() + "?", "Kontoens adgangsnøgle fjernes");
        assertThat(credentials.findByCredentialId(passkey.getCredentialId())).isNotNull();
        assertThat(mvc.post().uri(reset).with(ownerSession).with(csrf()).param("bekraeftet", "ja")).redirectedUrl()
                .isEqualTo("/redaktion/konti");
        assertThat(credentials.findByCredentialId(passkey.getCredentialId())).as("not by the owner").isNotNull();

        assertThat(mvc.post().uri(reset).with(helperSession).with(csrf()).param("bekraeftet", "ja"))
                .redirectedUrl().isEqualTo("/redaktion/konti");
        assertThat(credentials.findByCredentialId(passkey.getCredentialId())).isNull();
        assertThat(jdbc.sql("""
                SELECT actor FROM audit_entry WHERE subject_type = 'konto' AND subject_id = ?
                AND action = 'audit.account.passkeysReset'""").param(owner.id().toString()).query(String.class)
                .list()).containsExactly(helper.email());
        assertThat(mvc.get().uri("/redaktion").with(ownerSession)).redirectedUrl()
                .isEqualTo("/redaktion/log-ind?session-afsluttet");
        assertThat(mvc.post().uri("/redaktion/konti/" + owner.id() + "/nulstil-adgangsnoegler")
                .with(loggedIn(owner, FactorGrantedAuthority.PASSWORD_AUTHORITY)).with(csrf()))
                .hasStatus(HttpStatus.FOUND);
    }

    @Test
    void anAccountRemovesOnlyItsOwnPasskeysAndOnlyAfterConfirming() {
        TestAccount owner = accounts.editor();
        TestAccount stranger = accounts.editor();
        passkeys.store(stranger.email(), "Den fremmedes");
        CredentialRecord own = passkeys.store(owner.email(), "Egen <b>nøgle</b>");
        CredentialRecord theirs = passkeys.store(stranger.email(), "Den fremmedes anden");
        RequestPostProcessor session = loggedIn(owner, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

        assertThat(mvc.get().uri(PAGE).with(session)).hasStatusOk().body().asString()
                .contains("Egen &lt;b&gt;nøgle&lt;/b&gt;").doesNotContain("Den fremmedes");
        String removeTheirs = PAGE + "/" + theirs.getCredentialId().toBase64UrlString() + "/fjern";
        assertThat(mvc.post().uri(removeTheirs).with(session).with(csrf()).param("bekraeftet", "ja"))
                .redirectedUrl().isEqualTo(PAGE);
        assertThat(credentials.findByCredentialId(theirs.getCredentialId())).isNotNull();
        assertThat(mvc.post().uri(PAGE + "/ikke-base64!/fjern").with(session).with(csrf())).redirectedUrl().isEqualTo(PAGE);

        String removeOwn = PAGE + "/" + own.getCredentialId().toBase64UrlString() + "/fjern";
        assertThat(mvc.post().uri(removeOwn).with(session).with(csrf())).hasStatusOk().bodyText()
                .contains("Fjern adgangsnøglen Egen &lt;b&gt;nøgle&lt;/b&gt;?");
        assertThat(credentials.findByCredentialId(own.getCredentialId())).isNotNull();
        assertThat(mvc.post().uri(removeOwn).with(session).with(csrf()).param("bekraeftet", "ja")).redirectedUrl()
                .isEqualTo(PAGE + "?fjernet");
        assertThat(credentials.findByCredentialId(own.getCredentialId())).isNull();
    }

    @Test
    void springsEnglishPagesAndItsUnauditedRemovalAreNotServed() {
        TestAccount editor = accounts.editor();
        CredentialRecord passkey = passkeys.store(editor.email(), "Telefon");
        RequestPostProcessor session = loggedIn(editor, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

        assertThat(mvc.get().uri("/webauthn/register").with(session)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/webauthn/register/" + passkey.getCredentialId().toBase64UrlString())
                .with(session).with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(credentials.findByCredentialId(passkey.getCredentialId())).isNotNull();
        assertThat(mvc.get().uri("/login/webauthn.js")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theCeremoniesAreBoundToThisRelyingPartyAndNeedUserVerification() {
        MvcTestResult login = mvc.post().uri("/webauthn/authenticate/options").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).exchange();
        assertThat(login).hasStatusOk().bodyJson().extractingPath("$.rpId").isEqualTo("localhost");
        assertThat(login).bodyJson().extractingPath("$.userVerification").isEqualTo("required");

        var anonymous = mvc.post().uri("/webauthn/register/options").with(csrf()).exchange().getResponse();
        assertThat(anonymous.getStatus()).as("registering needs a login").isEqualTo(HttpStatus.FOUND.value());
        assertThat(anonymous.getRedirectedUrl()).endsWith(SecurityConfiguration.LOGIN_PAGE);
        assertThat(mvc.post().uri("/webauthn/authenticate/options").contentType(MediaType.APPLICATION_JSON))
                .as("without the CSRF token").hasStatus(HttpStatus.FORBIDDEN);

        TestAccount editor = accounts.editor();
        MvcTestResult registration = mvc.post().uri("/webauthn/register/options")
                .with(loggedIn(editor, FactorGrantedAuthority.PASSWORD_AUTHORITY)).with(csrf()).exchange();
        assertThat(registration).hasStatusOk().bodyJson().extractingPath("$.rp.id").isEqualTo("localhost");
        assertThat(registration).bodyJson().extractingPath("$.user.name").isEqualTo(editor.email());
        assertThat(registration).bodyJson().extractingPath("$.authenticatorSelection.residentKey")
                .isEqualTo("required");
        assertThat(registration).bodyJson().extractingPath("$.authenticatorSelection.userVerification")
                .isEqualTo("required");
    }

    @Test
    void aBrokenPasskeyLoginIsRefusedWithoutAnError() {
        assertThat(mvc.post().uri("/login/webauthn").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"abc\",\"rawId\":\"abc\",\"response\":{}}")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/login/webauthn").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("nonsense").exchange().getResponse().getStatus()).isBetween(400, 499);
    }

    private MockHttpSession logInWithPassword(TestAccount account) {
        MvcTestResult login = mvc.post().uri("/redaktion/log-ind").with(csrf()).param("email", account.email())
                .param("password", account.password()).exchange();
        assertThat(login).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion");
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    /** A session of {@code account} that logged in with {@code factor}, with the account's current stamp. */
    private RequestPostProcessor loggedIn(TestAccount account, String factor) {
        AccountUserDetails details = accountService.userDetails(account.email()).orElseThrow();
        List<GrantedAuthority> authorities = new ArrayList<>(details.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(factor));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(details, null, authorities));
    }

    private java.util.UUID anyAuthority() {
        return accounts.runAs(accounts.editor(), () -> authorities.register(
                dk.selvbetjening.authority.AuthorityFixtures.aStateAuthority("Nøglestyrelsen " + System.nanoTime())))
                .id();
    }
}
