package dk.selvbetjening.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.DEFINED_PORT;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link PasskeyJourneyBrowserTests}' journeys in the production profile on PostgreSQL, where the session, and with it
 * the options of a WebAuthn ceremony between its two requests, is stored in the database (Spring Session JDBC, ADR
 * 0018) with Java serialization, and where passkeys are mandatory for editors of their own accord. Plain http on
 * loopback: the session cookie must travel without TLS here.
 */
@SpringBootTest(webEnvironment = DEFINED_PORT, properties = {
        "SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL=forste.redaktoer@kommune.dk",
        "SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD=en lang og hemmelig startsætning",
        "SELVBETJENING_CONNECTION_TOKEN_SECRET=a-test-only-status-link-secret-of-40-chars",
        // no scheduled link checks: tests send traffic only to loopback
        "selvbetjening.linkcheck.enabled=false",
        "server.servlet.session.cookie.secure=false",
        "selvbetjening.portal.secure-cookies=false"})
@ActiveProfiles("postgres")
@Import(EmbeddedPostgresConfiguration.class)
class PasskeyJourneyPostgresBrowserTests extends PasskeyJourneyBrowserTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theSessionsAreStoredInTheDatabaseAndPasskeysAreMandatory() {
        assertThat(context.getBeansOfType(JdbcIndexedSessionRepository.class)).hasSize(1);
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(context.getEnvironment().getProperty("selvbetjening.account.editor-passkey-required"))
                .isEqualTo("true");
    }
}
