package dk.selvbetjening.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test accounts, stored like real ones (so login with the password works in a browser) and ready to use with
 * MockMvc ({@code .with(account.login())}) or around a service call ({@link #as}). Every account gets its own
 * e-mail address and a known password, and need not change it.
 */
@Component
public class AccountTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountTestSupport(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A new EDITOR. */
    public TestAccount editor() {
        return create(Role.EDITOR, null);
    }

    /** A new AUTHORITY_EDITOR of {@code authorityId} (which must exist). */
    public TestAccount authorityEditor(UUID authorityId) {
        return create(Role.AUTHORITY_EDITOR, authorityId);
    }

    /** Runs {@code work} logged in as {@code account}, e.g. to call a service method that needs a role. */
    public <T> T as(TestAccount account, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        AccountUserDetails details = account.userDetails();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null,
                details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private TestAccount create(Role role, UUID authorityId) {
        int n = SEQUENCE.incrementAndGet();
        String email = (role == Role.EDITOR ? "redaktoer-" : "myndighed-") + n + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@test.dk";
        String password = "Test-adgangskode-" + UUID.randomUUID();
        String name = (role == Role.EDITOR ? "Test Redaktør " : "Test Myndighedsredaktør ") + n;
        Account account = accounts.save(new Account(UUID.randomUUID(), new NewAccount(email, name, role, authorityId),
                passwords.encode(password), false, clock.instant()));
        return new TestAccount(account.toCurrent(), password);
    }

    /** A stored account, its password, and a MockMvc login as it. */
    public record TestAccount(CurrentAccount account, String password) {

        public String email() {
            return account.email();
        }

        public UUID id() {
            return account.id();
        }

        /** Authenticates a MockMvc request as this account. */
        public RequestPostProcessor login() {
            return user(userDetails());
        }

        AccountUserDetails userDetails() {
            return new AccountUserDetails(account, "", true, false, false);
        }
    }
}
