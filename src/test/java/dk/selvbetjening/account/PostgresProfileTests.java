package dk.selvbetjening.account;

import static dk.selvbetjening.account.LoginRequests.api;
import static dk.selvbetjening.account.LoginRequests.inParallel;
import static dk.selvbetjening.account.LoginRequests.wrongPasswords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Accounts in the production profile on PostgreSQL. On an empty database it starts when the bootstrap variables are
 * given (without them it stops: see {@link BootstrapEditorTests}), and concurrent wrong passwords are counted by the
 * database as on H2.
 */
@SpringBootTest(properties = {"SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL=forste.redaktoer@kommune.dk",
        "SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD=" + PostgresProfileTests.PASSWORD,
        "SELVBETJENING_CONNECTION_TOKEN_SECRET=a-test-only-status-link-secret-of-40-chars",
        // no scheduled link checks: tests send traffic only to loopback
        "selvbetjening.linkcheck.enabled=false",
        // the wrong passwords are sent by HTTP Basic, which the postgres profile turns off (ADR 0028)
        "selvbetjening.api.basic-auth-enabled=true"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(EmbeddedPostgresConfiguration.class)
class PostgresProfileTests {

    static final String PASSWORD = "en lang og hemmelig startsætning";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountProperties properties;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsWithTheBootstrapVariablesAndTheFirstEditorLogsInWithThem() {
        assertThat(properties.bootstrapEditorRequired()).isTrue();
        assertThat(mvc.post().uri("/redaktion/log-ind").with(csrf()).param("email", "forste.redaktoer@kommune.dk")
                .param("password", PASSWORD)).redirectedUrl().isEqualTo("/redaktion");
    }

    @Test
    void concurrentWrongPasswordsAreAllCountedAndLockTheAccountExactlyOnce() throws Exception {
        AccountFixtures.TestAccount editor = accounts.editor();
        assertThat(inParallel(wrongPasswords(mvc, editor.email(), 30, "10.20.0.", 3))).containsOnly(401);
        assertThat(jdbc.sql("SELECT failed_attempts FROM account WHERE id = ?").param(editor.id())
                .query(Integer.class).single()).isEqualTo(30);

        assertThat(inParallel(wrongPasswords(mvc, editor.email(), 20, "10.20.1.", 2))).containsOnly(401);
        assertThat(api(mvc, editor.basic(), "10.20.2.1")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(audit.history("konto", editor.id())).filteredOn(e -> e.action().startsWith("låst")).hasSize(1);
        assertThat(audit.history("konto", editor.id()))
                .filteredOn(e -> e.action().equals("forkert adgangskode")).hasSize(50);
    }
}
