package dk.selvbetjening.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class AheadOfTimeSettingsTests {

    @Test
    void recordsTheProfilesAndTheSettingsThatDecideBeans() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("selvbetjening.demo.enabled", "false")
                .withProperty("spring.mail.host", "smtp.example.dk")
                .withProperty("spring.security.oauth2.client.registration.nemlogin.client-id", "portal");
        environment.setActiveProfiles("postgres");

        Map<String, String> settings = AheadOfTimeSettings.of(environment);

        assertThat(settings).containsEntry("profiles", "postgres")
                .containsEntry("selvbetjening.demo.enabled", "false")
                .containsEntry("selvbetjening.linkcheck.enabled", "")
                .containsEntry("spring.mail.host", "(set)")
                .containsEntry("spring.security.oauth2.client.registration", "(set)");
    }

    @Test
    void seesAnOpenIdConnectRegistrationGivenAsEnvironmentVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_NEMLOGIN_CLIENTID", "portal")));

        assertThat(AheadOfTimeSettings.of(environment))
                .containsEntry("spring.security.oauth2.client.registration", "(set)")
                .containsEntry("spring.mail.host", "(not set)")
                .containsEntry("profiles", "(default)");
    }

    @Test
    void startsUnderTheSettingsItWasBuiltFor() {
        MockEnvironment build = new MockEnvironment().withProperty("selvbetjening.demo.enabled", "true");
        MockEnvironment start = new MockEnvironment().withProperty("selvbetjening.demo.enabled", "true")
                .withProperty("server.port", "18084");

        assertThatNoException().isThrownBy(() -> AheadOfTimeSettings.verify(start, AheadOfTimeSettings.of(build)));
    }

    @Test
    void refusesToStartUnderAnotherProfileAndNamesTheDifference() {
        MockEnvironment build = new MockEnvironment().withProperty("selvbetjening.demo.enabled", "true");
        MockEnvironment start = new MockEnvironment().withProperty("selvbetjening.demo.enabled", "false")
                .withProperty("spring.mail.host", "smtp.example.dk");
        start.setActiveProfiles("postgres");

        assertThatIllegalStateException()
                .isThrownBy(() -> AheadOfTimeSettings.verify(start, AheadOfTimeSettings.of(build)))
                .withMessageContaining("profiles: built with '(default)', started with 'postgres'")
                .withMessageContaining("selvbetjening.demo.enabled: built with 'true', started with 'false'")
                .withMessageContaining("spring.mail.host: built with '(not set)', started with '(set)'")
                .withMessageContaining("-Daot.profiles=");
    }
}
