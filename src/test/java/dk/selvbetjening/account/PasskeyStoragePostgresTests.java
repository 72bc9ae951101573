package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link PasskeyStorageContract} on PostgreSQL (bytea), in the production profile, where passkeys are mandatory for
 * editors. The configuration is {@link PostgresProfileTests}', so the two share one application context.
 */
@SpringBootTest(properties = {"SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL=forste.redaktoer@kommune.dk",
        "SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD=" + PostgresProfileTests.PASSWORD,
        "SELVBETJENING_CONNECTION_TOKEN_SECRET=a-test-only-status-link-secret-of-40-chars",
        // no scheduled link checks: tests send traffic only to loopback
        "selvbetjening.linkcheck.enabled=false"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(EmbeddedPostgresConfiguration.class)
class PasskeyStoragePostgresTests extends PasskeyStorageContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EditorPasskeyProperties rule;

    @Autowired
    PasskeyProperties relyingParty;

    @Test
    void runsOnPostgresqlWhereEditorsMustUseAPasskey() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'user_credentials'"
                + " AND column_name = 'public_key'").query(String.class).single()).isEqualTo("bytea");
        assertThat(rule.editorPasskeyRequired()).isTrue();
        assertThat(relyingParty.rpId()).isEqualTo("localhost");
    }
}
