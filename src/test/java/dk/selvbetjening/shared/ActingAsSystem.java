package dk.selvbetjening.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs each test method of the class, and its {@code @BeforeEach} methods, as the application itself
 * ({@link SystemPrincipal}), the way jobs and start-up work run: for tests that drive the modules' services directly.
 * A test that is about who may do what says so with {@code AccountFixtures.runAs} or clears the context itself.
 * Not for classes that send MockMvc requests meant to come from a visitor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ActingAsSystem.Interceptor.class)
public @interface ActingAsSystem {

    final class Interceptor implements InvocationInterceptor {

        @Override
        public void interceptBeforeEachMethod(Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
                throws Throwable {
            asSystem(invocation);
        }

        @Override
        public void interceptTestMethod(Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
                throws Throwable {
            asSystem(invocation);
        }

        private static void asSystem(Invocation<Void> invocation) throws Throwable {
            Throwable[] failure = new Throwable[1];
            SystemPrincipal.run(() -> {
                try {
                    invocation.proceed();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }
}
