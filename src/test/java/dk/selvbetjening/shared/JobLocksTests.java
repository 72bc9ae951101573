package dk.selvbetjening.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * ShedLock's method proxy (ADR 0018) refuses, at every run, a locked method that returns a primitive
 * ({@code LockingNotSupportedException}): the job would never run, and a direct call in a test would not show it. So
 * every {@code @SchedulerLock} method of the application returns nothing.
 */
class JobLocksTests {

    @Test
    void everyLockedJobReturnsNothing() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) {
                return true;
            }

            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        Map<String, String> returns = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dk.selvbetjening")) {
            if (candidate.getResourceDescription() != null && candidate.getResourceDescription().contains("test-classes")) {
                continue;
            }
            for (MethodMetadata method : ((AnnotatedBeanDefinition) candidate).getMetadata()
                    .getAnnotatedMethods(SchedulerLock.class.getName())) {
                String name = (String) method.getAnnotationAttributes(SchedulerLock.class.getName()).get("name");
                returns.put(name, method.getReturnTypeName());
            }
        }
        assertThat(returns).as("the scan finds the locked jobs (else this test proves nothing)")
                .containsKeys("notification.outbox", "search.log-cleanup", "shared.client-allowance-cleanup",
                        "municipallink.normalized-url-catch-up");
        assertThat(returns).as("locked jobs (lock name: return type) that ShedLock's proxy would refuse to run")
                .allSatisfy((name, type) -> assertThat(type).isEqualTo("void"));
    }
}
