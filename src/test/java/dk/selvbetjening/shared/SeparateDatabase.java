package dk.selvbetjening.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The test class runs on an in-memory database of its own: a Spring context that no class without the same name
 * shares, started empty (Flyway's migrations, no demo content) and named in its JDBC URL
 * ({@code jdbc:h2:mem:<name>-<uuid>}). Its in-memory state (caches, start counts, rate limits) is its own too.
 *
 * <p>For tests whose assertions need data that no other test class writes to: exact lists or counts
 * ("a known data set of its own"), an empty database at start-up, counters that would decide a shared page. Classes
 * that share a data set share the name, and so one context. A test that needs its own beans, properties or clock
 * says so with {@code @Import}, {@code @MockitoBean} or {@code properties}: that already gives it a context of its
 * own, and this annotation is not needed. Every name costs a whole application start: prefer assertions that hold
 * on the shared database (look for the test's own rows) where the test allows it. ADR 0016.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(SeparateDatabase.Factory.class)
public @interface SeparateDatabase {

    /** The database's name: what the data set is (kebab-case); classes with the same name share the database. */
    String value();

    /** The property that names the in-memory database in {@code spring.datasource.url} of the test configuration. */
    String PROPERTY = "selvbetjening.test.database";

    /** Reads {@link SeparateDatabase} from the test class; two classes with the same name get equal customizers. */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            var annotation = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).get(SeparateDatabase.class);
            return annotation.isPresent() ? new Customizer(annotation.getString("value")) : null;
        }
    }

    /** Part of the context's cache key (by name), and sets the database's name before the context starts. */
    record Customizer(String name) implements ContextCustomizer {

        public Customizer {
            if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("@SeparateDatabase wants a kebab-case name, not \"" + name + "\"");
            }
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of(PROPERTY + "=" + name).applyTo(context);
        }
    }
}
