package dk.selvbetjening.account;

import static org.mockito.BDDMockito.given;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import dk.selvbetjening.municipallink.MunicipalLinkProperties;
import dk.selvbetjening.shared.web.ClientAllowances;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * A {@code @WebMvcTest} slice with the application's own security: the three filter chains of
 * {@link SecurityConfiguration} (API with HTTP Basic, open citizen path, backoffice with form login and CSRF), method
 * security ({@code @PreAuthorize}), the login throttle (on the slice's own in-memory database, migrated by Flyway, as
 * the throttle counts in the database: ADR 0034) and the backoffice's session check, with {@link AccountService}
 * mocked (and {@link ApiKeyService}: no API key is valid). Role checks and CSRF apply as in the application;
 * {@link Logins} logs a request in and lets the mocked service accept its session. Controller advice meant for other controllers only ({@code assignableTypes}) is left
 * out, so a slice needs mocks for its own controllers' services and nothing else. ADR 0016.
 *
 * <pre>
 * &#64;WebMvcTest(AuthorityWebController.class)
 * &#64;SecuredWebSlice
 * class AuthorityWebControllerTests { &#64;MockitoBean AuthorityService authorities; ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(SecuredWebSlice.Configuration.class)
@MockitoBean(types = {AccountService.class, ApiKeyService.class})
public @interface SecuredWebSlice {

    /**
     * The security beans, and the settings the slice's beans read: the login throttle's, and the upload limit's of
     * the application-wide {@code UploadLimitHandler} (a slice does not scan {@code @ConfigurationProperties}).
     */
    @TestConfiguration(proxyBeanMethods = false)
    @Import({SecurityConfiguration.class, LoginAttempts.class, LoginThrottle.class, ClientAllowances.class,
            AccountUserDetailsService.class, ApiKeySecurity.class, ApiKeyThrottle.class})
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcClientAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
    @EnableConfigurationProperties({AccountProperties.class, MunicipalLinkProperties.class})
    class Configuration {

        /** The login throttle's clock; the application's own is in a configuration the slice does not load. */
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        static AdviceForOtherControllers adviceForOtherControllers() {
            return new AdviceForOtherControllers();
        }
    }

    /** Logged-in requests for a slice with this security. */
    final class Logins {

        private Logins() {
        }

        /** An editor's logged-in backoffice session (or API call); {@code accounts} is the slice's mock. */
        public static RequestPostProcessor editor(AccountService accounts) {
            return login(accounts, new CurrentAccount(UUID.randomUUID(), "redaktoer@test.example", "Test Redaktør",
                    Role.EDITOR, null));
        }

        /** An authority editor of {@code authorityId}, logged in; {@code accounts} is the slice's mock. */
        public static RequestPostProcessor authorityEditor(AccountService accounts, UUID authorityId) {
            return login(accounts, new CurrentAccount(UUID.randomUUID(), "myndighed@test.example", "Test Myndighed",
                    Role.AUTHORITY_EDITOR, authorityId));
        }

        private static RequestPostProcessor login(AccountService accounts, CurrentAccount account) {
            given(accounts.sessionState(account.id())).willReturn(Optional.of(new SessionState(true, false, 0, null)));
            return SecurityMockMvcRequestPostProcessors.user(new AccountUserDetails(account, "", true, false, false, 0));
        }
    }

    /**
     * Removes a {@code @ControllerAdvice} whose {@code assignableTypes} name none of the slice's controllers (e.g.
     * another module's API problems): it could never apply here, and its dependencies are not the slice's to mock.
     */
    final class AdviceForOtherControllers implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            Map<String, Class<?>> types = new HashMap<>();
            for (String name : registry.getBeanDefinitionNames()) {
                String className = registry.getBeanDefinition(name).getBeanClassName();
                if (className != null && ClassUtils.isPresent(className, getClass().getClassLoader())) {
                    types.put(name, ClassUtils.resolveClassName(className, getClass().getClassLoader()));
                }
            }
            types.forEach((name, type) -> {
                MergedAnnotation<ControllerAdvice> advice = MergedAnnotations.from(type).get(ControllerAdvice.class);
                if (advice.isPresent()) {
                    Class<?>[] targets = advice.getClassArray("assignableTypes");
                    if (targets.length > 0 && Arrays.stream(targets).noneMatch(target -> types.values().stream()
                            .anyMatch(bean -> target.isAssignableFrom(bean)))) {
                        registry.removeBeanDefinition(name);
                    }
                }
            });
        }
    }
}
