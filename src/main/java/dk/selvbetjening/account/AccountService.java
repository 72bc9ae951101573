package dk.selvbetjening.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The account module's API. Managing accounts is for editors; every change is audited. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    static final String AUDIT_TYPE = "konto";
    /** Audit entries about a client address's logins; the subject is the address. */
    static final String LOGIN_AUDIT_TYPE = "log-ind";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuthorityService authorities;
    private final AuditLog audit;
    private final AccountProperties properties;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, AuthorityService authorities, AuditLog audit,
            AccountProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.authorities = authorities;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('EDITOR')")
    public List<AccountSummary> accounts() {
        return accounts.findAllByOrderByEmailAsc().stream().map(a -> a.toSummary(clock.instant())).toList();
    }

    /** Creates an account with a one-time password that must be changed at first login. */
    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public CreatedAccount create(NewAccount command) {
        String temporary = PasswordRules.temporary();
        Account account = add(command, temporary, true);
        audit.record(AUDIT_TYPE, account.id(), "audit.account.created", command.email() + " (" + command.role() + ")");
        return new CreatedAccount(account.toSummary(clock.instant()), temporary);
    }

    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public void setEnabled(UUID id, boolean enabled) {
        Account account = find(id);
        if (!enabled && CurrentAccount.current().map(c -> c.id().equals(id)).orElse(false)) {
            throw new AccountException("account.error.disableSelf");
        }
        account.enable(enabled);
        audit.record(AUDIT_TYPE, id, enabled ? "audit.account.enabled" : "audit.account.disabled", null);
    }

    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public String resetPassword(UUID id) {
        Account account = find(id);
        String temporary = PasswordRules.temporary();
        account.resetPassword(passwords.encode(temporary));
        audit.record(AUDIT_TYPE, id, "audit.account.passwordReset", null);
        return temporary;
    }

    /** The logged-in account changes its own password; the current one must be given. */
    @Transactional
    public void changeOwnPassword(UUID id, String currentPassword, String newPassword) {
        Account account = find(id);
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw new AccountException("account.password.wrongCurrent");
        }
        String problem = PasswordRules.problem(newPassword, account.toCurrent().email());
        if (problem != null) {
            throw new AccountException(problem);
        }
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw new AccountException("account.password.same");
        }
        account.changePassword(passwords.encode(newPassword));
        audit.record(AUDIT_TYPE, id, "audit.account.passwordChanged", null);
    }

    public boolean mustChangePassword(UUID id) {
        return accounts.findById(id).map(Account::mustChangePassword).orElse(false);
    }

    public long count() {
        return accounts.count();
    }

    Optional<AccountUserDetails> userDetails(String email) {
        return accounts.findByEmail(Account.normalize(email)).map(this::userDetails);
    }

    /** The account as Spring Security sees it: not enabled while its authority is retired (every way of logging in). */
    AccountUserDetails userDetails(Account a) {
        return new AccountUserDetails(a.toCurrent(), a.passwordHash(), a.enabled() && !ofRetiredAuthority(a.authorityId()),
                a.isLocked(clock.instant()), a.mustChangePassword(), a.securityStamp());
    }

    private boolean ofRetiredAuthority(UUID authorityId) {
        return authorityId != null && authorities.authority(authorityId).isRetired();
    }

    /** Why the person cannot have an authority editor's account for {@code authorityId} (a message key), or null. */
    String staffAccountProblem(StaffClaims person, UUID authorityId) {
        return problem(staffAccount(person, authorityId));
    }

    private static NewAccount staffAccount(StaffClaims person, UUID authorityId) {
        return new NewAccount(person.email(), person.displayName(), Role.AUTHORITY_EDITOR, authorityId);
    }

    /**
     * An authority editor's account for a person who logs in with OpenID Connect: its password is a random one that
     * nobody is told, so only the provider's login reaches it.
     */
    Account addStaffAccount(StaffClaims person, UUID authorityId) {
        return add(staffAccount(person, authorityId), PasswordRules.temporary(), false);
    }

    Optional<Account> account(UUID id) {
        return accounts.findById(id);
    }

    /**
     * Counts a wrong password for {@code email}, if such an account exists, and locks it when the count reaches
     * {@code selvbetjening.account.max-failed-attempts}. Two UPDATE statements in one transaction: concurrent failures
     * wait for each other on the account's row, so each is counted and exactly one of them locks.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void loginFailed(String email, String clientAddress) {
        String normalized = Account.normalize(email);
        if (accounts.countFailedLogin(normalized) == 0) {
            return;
        }
        UUID id = accounts.findIdByEmail(normalized).orElseThrow();
        audit.recordAs(AuditLog.ANONYMOUS, AUDIT_TYPE, id, "audit.account.loginFailed", clientAddress);
        if (accounts.lockAfterFailedLogins(normalized, properties.maxFailedAttempts(),
                clock.instant().plus(properties.lockDuration())) == 1) {
            audit.recordAs(AuditLog.SYSTEM, AUDIT_TYPE, id, "audit.account.locked", null);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void loginSucceeded(String email) {
        accounts.resetFailedLogins(Account.normalize(email));
    }

    /** The first login from {@code clientAddress} that the throttle refused in its window. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void loginThrottled(String clientAddress) {
        audit.recordAs(AuditLog.SYSTEM, LOGIN_AUDIT_TYPE, clientAddress, "audit.login.throttled", null,
                properties.loginFailuresPerAddress());
    }

    Optional<SessionState> sessionState(UUID id) {
        return accounts.findSessionState(id)
                .map(state -> state.enabled() && ofRetiredAuthority(state.authorityId()) ? state.disabled() : state);
    }

    /** A session of {@code account} was ended because its account was disabled or its password changed. */
    @Transactional
    void sessionEnded(CurrentAccount account) {
        audit.recordAs(account.email(), AUDIT_TYPE, account.id(), "audit.account.sessionEnded", null);
    }

    @Transactional
    @PreAuthorize("hasRole('EDITOR')")
    public void unlock(UUID id) {
        find(id).unlock();
        audit.record(AUDIT_TYPE, id, "audit.account.unlocked", null);
    }

    /** The first editor, on a system without accounts. */
    @Transactional
    Account bootstrapEditor(String email, String password, boolean mustChange) {
        Account account = add(new NewAccount(email, "Redaktør", Role.EDITOR, null), password, mustChange);
        audit.record(AUDIT_TYPE, account.id(), "audit.account.bootstrapped", email);
        return account;
    }

    private Account add(NewAccount command, String password, boolean mustChange) {
        String problem = problem(command);
        if (problem != null) {
            throw new AccountException(problem);
        }
        return accounts.save(new Account(UUID.randomUUID(), command, passwords.encode(password), mustChange,
                clock.instant()));
    }

    /** What is wrong with {@code command} as a new account (a message key), or null. */
    private String problem(NewAccount command) {
        if (command.email() == null || !EMAIL.matcher(command.email().strip()).matches()
                || command.email().length() > 254) {
            return "account.error.email";
        }
        if (command.displayName() == null || command.displayName().isBlank() || command.displayName().length() > 200) {
            return "account.error.displayName";
        }
        if (command.role() == null) {
            return "account.error.role";
        }
        if ((command.role() == Role.AUTHORITY_EDITOR) != (command.authorityId() != null)) {
            return "account.error.authority";
        }
        if (command.authorityId() != null && !authorities.authority(command.authorityId()).isSelectable()) {
            return "account.error.authorityNotSelectable";
        }
        if (accounts.findByEmail(Account.normalize(command.email())).isPresent()) {
            return "account.error.emailTaken";
        }
        return null;
    }

    private Account find(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new AccountException("account.error.notFound"));
    }
}
