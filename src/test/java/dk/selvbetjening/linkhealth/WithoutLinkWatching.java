package dk.selvbetjening.linkhealth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Leaves out of a Spring test context the registration of changed links with the link checker ({@link LinkWatching}
 * is a mock that does nothing): for a benchmark of the work before it, such as a CSV import of 100,000 links, which
 * would otherwise be followed by 100,000 registrations after its commit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoBean(types = LinkWatching.class)
public @interface WithoutLinkWatching {
}
