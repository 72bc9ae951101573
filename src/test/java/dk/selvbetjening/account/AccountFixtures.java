package dk.selvbetjening.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accounts with known passwords for tests, and the HTTP Basic header that logs in as them. */
@Component
public class AccountFixtures {

    public static final String PASSWORD = "korrekt-hest-batteri-clips";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountFixtures(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * A stored account with a known password: log in with it in a browser, send {@link #basic()} to the API, or
     * authenticate a MockMvc request with {@link #login()}.
     */
    public record TestAccount(CurrentAccount account, String password) {

        public UUID id() {
            return account.id();
        }

        public String email() {
            return account.email();
        }

        /** Authenticates a MockMvc request as this account, as a session that logged in when it was created. */
        public org.springframework.test.web.servlet.request.RequestPostProcessor login() {
            return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                    .user(new AccountUserDetails(account, "", true, false, false, 0));
        }

        /** The Authorization header value for HTTP Basic. */
        public String basic() {
            return "Basic " + Base64.getEncoder()
                    .encodeToString((email() + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Transactional
    public TestAccount editor() {
        return create(Role.EDITOR, null, false);
    }

    @Transactional
    public TestAccount authorityEditor(UUID authorityId) {
        return create(Role.AUTHORITY_EDITOR, authorityId, false);
    }

    @Transactional
    public TestAccount editorWithOneTimePassword() {
        return create(Role.EDITOR, null, true);
    }

    /** Runs {@code action} logged in as {@code account}, e.g. a service method that needs a role. */
    public <T> T runAs(TestAccount account, java.util.function.Supplier<T> action) {
        Account found = accounts.findById(account.id()).orElseThrow();
        AccountUserDetails details = new AccountUserDetails(found.toCurrent(), found.passwordHash(), true, false, false,
                found.securityStamp());
        return runWith(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                details, null, details.getAuthorities()), action);
    }

    /**
     * Runs {@code action} as a visitor without login, as every HTTP request without an account is (e.g. a supplier
     * submitting a connection request).
     */
    public <T> T runAsVisitor(java.util.function.Supplier<T> action) {
        return runWith(new org.springframework.security.authentication.AnonymousAuthenticationToken("test",
                "anonymousUser", org.springframework.security.core.authority.AuthorityUtils
                        .createAuthorityList("ROLE_ANONYMOUS")), action);
    }

    private static <T> T runWith(org.springframework.security.core.Authentication authentication,
            java.util.function.Supplier<T> action) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    private TestAccount create(Role role, UUID authorityId, boolean mustChange) {
        int n = SEQUENCE.incrementAndGet();
        String email = role.name().toLowerCase() + "-" + n + "@test.example";
        Account account = accounts.save(new Account(UUID.randomUUID(),
                new NewAccount(email, "Test " + role + " " + n, role, authorityId), passwords.encode(PASSWORD), mustChange,
                clock.instant()));
        return new TestAccount(account.toCurrent(), PASSWORD);
    }
}
