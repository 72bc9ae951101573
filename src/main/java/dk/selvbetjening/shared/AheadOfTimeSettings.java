package dk.selvbetjening.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.lang.model.element.Modifier;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.javapoet.CodeBlock;
import org.springframework.util.StringUtils;

/**
 * Spring AOT ({@code ./mvnw -Paot package}, ADR 0030) decides at build time which beans exist: profiles,
 * {@code @Conditional*} and auto-configuration are evaluated once, for the settings the build saw, and a start with
 * {@code -Dspring.aot.enabled=true} uses that bean graph whatever its own settings say. Started under other settings,
 * it would quietly run the wrong application (demo content loaded into production, sessions in memory on a cluster,
 * no mail sender). So the build records the settings that decide beans in this application, and the generated code
 * checks them against the start's own before any bean is made: a mismatch stops start-up and names the difference.
 * <p>
 * Registered in {@code META-INF/spring/aot.factories}: consulted only by the AOT processing, never at an ordinary
 * start (which evaluates every condition itself).
 */
public class AheadOfTimeSettings implements BeanFactoryInitializationAotProcessor {

    /**
     * Settings whose value decides beans: this application's conditions, and the auto-configuration it excludes.
     * {@code AheadOfTimeSettingsTests} fails when a {@code @ConditionalOn(Boolean)Property} of this code names one not
     * recorded here.
     */
    private static final String[] VALUES = { "selvbetjening.demo.enabled", "selvbetjening.linkcheck.enabled",
            "selvbetjening.events.resubmission.enabled", "spring.autoconfigure.exclude" };
    /** Settings whose presence decides beans: the mail sender, the OpenID Connect login. */
    private static final String[] PRESENCE = { "spring.mail.host", "spring.security.oauth2.client.registration" };

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        Map<String, String> built = of(beanFactory.getBean(ConfigurableEnvironment.class));
        return (GenerationContext context, BeanFactoryInitializationCode code) -> {
            var method = code.getMethods().add("checkAheadOfTimeSettings", m -> {
                m.addJavadoc("The settings this AOT code was built for (dk.selvbetjening.shared.AheadOfTimeSettings).");
                m.addModifiers(Modifier.PRIVATE, Modifier.STATIC);
                m.addParameter(ConfigurableEnvironment.class, "environment");
                CodeBlock.Builder entries = CodeBlock.builder();
                built.forEach((key, value) -> entries.add(", $S, $S", key, value));
                m.addStatement("$T.verify(environment, $T.of($L))", AheadOfTimeSettings.class, Map.class,
                        entries.build().toString().substring(2));
            });
            code.addInitializer(method.toMethodReference());
        };
    }

    /** The settings that decide beans, as this environment has them. */
    static Map<String, String> of(Environment environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        String[] profiles = environment.getActiveProfiles();
        settings.put("profiles", profiles.length == 0 ? "(default)"
                : Arrays.stream(profiles).sorted().collect(Collectors.joining(",")));
        for (String key : VALUES) {
            settings.put(key, environment.getProperty(key, "").trim());
        }
        for (String key : PRESENCE) {
            settings.put(key, present(environment, key) ? "(set)" : "(not set)");
        }
        return settings;
    }

    /** Called by the generated code at an AOT start: refuses to start under settings the build did not see. */
    public static void verify(Environment environment, Map<String, String> built) {
        Map<String, String> now = of(environment);
        String differences = built.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !e.getValue().equals(now.getOrDefault(e.getKey(), "")))
                .map(e -> e.getKey() + ": built with '" + e.getValue() + "', started with '" + now.get(e.getKey()) + "'")
                .collect(Collectors.joining("; "));
        if (!differences.isEmpty()) {
            throw new IllegalStateException("This jar's Spring AOT code was built for other settings (" + differences
                    + "). Build it with the start's settings (./mvnw -Paot -Daot.profiles=... package, ADR 0030) or "
                    + "start it without -Dspring.aot.enabled=true.");
        }
    }

    private static boolean present(Environment environment, String key) {
        if (StringUtils.hasText(environment.getProperty(key))) {
            return true;
        }
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return false;
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(configurable)) {
            if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
