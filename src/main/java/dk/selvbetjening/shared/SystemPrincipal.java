package dk.selvbetjening.shared;

import java.util.function.Supplier;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The application acting on its own — scheduled jobs, start-up work, listeners that keep its books — as an explicit
 * principal named {@value #NAME} with the role {@value #ROLE}. It is no account: nobody can log in as it, and only
 * code that calls {@link #run} or {@link #call} acts as it. Rights checks grant it explicitly and refuse a caller with
 * no authentication at all, so code that forgets to say who it acts for is denied rather than trusted.
 */
public final class SystemPrincipal {

    /** The name the system principal acts and is audited under. */
    public static final String NAME = "system";
    /** Its role; its granted authority is {@code ROLE_SYSTEM}. */
    public static final String ROLE = "SYSTEM";

    private SystemPrincipal() {
    }

    /** Runs {@code task} as the system principal, then restores whatever security context the thread had. */
    public static void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Computes {@code task} as the system principal, then restores whatever security context the thread had. */
    public static <T> T call(Supplier<T> task) {
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        Supplier<SecurityContext> previous = strategy.getDeferredContext();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(new SystemAuthentication());
        strategy.setContext(context);
        try {
            return task.get();
        } finally {
            strategy.setDeferredContext(previous);
        }
    }

    /** Whether the current thread acts as the system principal. */
    public static boolean isCurrent() {
        return is(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication());
    }

    /** Whether {@code authentication} is the system principal (not merely something named "system"). */
    public static boolean is(Authentication authentication) {
        return authentication instanceof SystemAuthentication && authentication.isAuthenticated();
    }

    /** Only this class makes one, so no login, token or request can pass itself off as the system. */
    private static final class SystemAuthentication extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        SystemAuthentication() {
            super(AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
            super.setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return NAME;
        }

        @Override
        public void setAuthenticated(boolean authenticated) {
            if (authenticated != isAuthenticated()) {
                throw new IllegalArgumentException("The system principal is always authenticated");
            }
        }
    }
}
