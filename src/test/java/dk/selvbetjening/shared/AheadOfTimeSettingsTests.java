package dk.selvbetjening.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class AheadOfTimeSettingsTests {

    /**
     * {@code @ConditionalOnExpression}s whose properties are recorded in {@link AheadOfTimeSettings} (checked by hand:
     * an expression's properties cannot be read from it), as "class: expression".
     */
    private static final Set<String> EXPRESSIONS_CHECKED = Set.of();

    /**
     * Every property that a condition of this application's own code reads (class or {@code @Bean} method) must be one
     * that {@link AheadOfTimeSettings} records: else an AOT jar started with another value of it would quietly run
     * with the beans of the value it was built with.
     */
    @Test
    void recordsEveryPropertyThatAConditionOfThisApplicationReads() throws IOException {
        Map<String, List<String>> conditions = propertyConditions();
        assertThat(conditions).as("the scan finds the conditions (else this test proves nothing)")
                .containsKeys("selvbetjening.demo.enabled", "selvbetjening.linkcheck.enabled",
                        "selvbetjening.events.resubmission.enabled");
        Set<String> recorded = AheadOfTimeSettings.of(new MockEnvironment()).keySet();
        Map<String, List<String>> missing = new TreeMap<>(conditions);
        missing.keySet().removeAll(recorded);
        assertThat(missing).as("properties that decide beans (property: where) but are not recorded: add them to "
                + "AheadOfTimeSettings.VALUES (or PRESENCE when being set at all decides)").isEmpty();
    }

    /** The properties that decide beans in the main code, each with where its conditions stand. */
    private static Map<String, List<String>> propertyConditions() throws IOException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) {
                return true;   // every class, and its conditions not evaluated (they are what is read here)
            }

            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;   // nested and abstract ones too
            }
        };
        Map<String, List<String>> found = new TreeMap<>();
        List<String> expressions = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dk.selvbetjening")) {
            if (candidate.getResourceDescription() != null && candidate.getResourceDescription().contains("test-classes")) {
                continue;   // the tests' own configuration is not in the jar
            }
            AnnotationMetadata type = ((AnnotatedBeanDefinition) candidate).getMetadata();
            collect(type.getAnnotations(), type.getClassName(), found, expressions);
            for (MethodMetadata method : type.getDeclaredMethods()) {
                collect(method.getAnnotations(), type.getClassName() + "#" + method.getMethodName(), found,
                        expressions);
            }
        }
        assertThat(expressions).as("@ConditionalOnExpression: record its properties in AheadOfTimeSettings by hand, "
                + "then list it in EXPRESSIONS_CHECKED").isSubsetOf(EXPRESSIONS_CHECKED);
        return found;
    }

    private static void collect(MergedAnnotations annotations, String where, Map<String, List<String>> found,
            List<String> expressions) {
        annotations.stream(ConditionalOnProperty.class).forEach(a -> names(a, where, found));
        annotations.stream(ConditionalOnBooleanProperty.class).forEach(a -> names(a, where, found));
        annotations.stream(ConditionalOnExpression.class)
                .forEach(a -> expressions.add(where + ": " + a.getString("value")));
    }

    private static void names(MergedAnnotation<?> condition, String where, Map<String, List<String>> found) {
        String prefix = condition.getString("prefix").trim();
        if (!prefix.isEmpty() && !prefix.endsWith(".")) {
            prefix += ".";
        }
        String[] names = condition.getStringArray("name");
        for (String name : names.length > 0 ? names : condition.getStringArray("value")) {
            found.computeIfAbsent(prefix + name, key -> new ArrayList<>()).add(where);
        }
    }

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
