package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The connection settings as the postgres profile (production) binds them: the status links' secret comes from
 * SELVBETJENING_CONNECTION_TOKEN_SECRET and start-up stops, saying so, without one of at least 32 characters.
 */
class ConnectionPropertiesTests {

    private static ConnectionProperties bindPostgresProfile(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test-environment", environment));
        env.getPropertySources().addLast(new ResourcePropertySource(
                new ClassPathResource("application-postgres.properties")));
        env.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
        return Binder.get(env).bindOrCreate("selvbetjening.connection", ConnectionProperties.class);
    }

    @Test
    void thePostgresProfileRefusesToStartWithoutATokenSecret() {
        assertThatThrownBy(() -> bindPostgresProfile(Map.of()))
                .rootCause().hasMessageContaining("SELVBETJENING_CONNECTION_TOKEN_SECRET")
                .hasMessageContaining("32");
    }

    @Test
    void thePostgresProfileRefusesATokenSecretShorterThan32Characters() {
        assertThatThrownBy(() -> bindPostgresProfile(Map.of("SELVBETJENING_CONNECTION_TOKEN_SECRET", "x".repeat(31))))
                .rootCause().hasMessageContaining("SELVBETJENING_CONNECTION_TOKEN_SECRET")
                .hasMessageContaining("32");
    }

    @Test
    void thePostgresProfileTakesTheTokenSecretFromTheEnvironment() throws IOException {
        String secret = "a-secret-of-at-least-thirty-two-characters";
        ConnectionProperties properties = bindPostgresProfile(Map.of("SELVBETJENING_CONNECTION_TOKEN_SECRET", secret));
        assertThat(properties.tokenSecret()).isEqualTo(secret);
        assertThat(properties.tokenLifetimeAfterClose()).isEqualTo(Duration.ofDays(180));
    }
}
