package dk.selvbetjening.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A backoffice account. Failed logins are counted by single SQL statements in {@link AccountRepository}, not through
 * this entity, so concurrent logins never meet its optimistic lock; {@code @DynamicUpdate} keeps an editor's change
 * from writing back a stale count or lock.
 */
@Entity
@Table(name = "account")
@DynamicUpdate
class Account {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "authority_id")
    private UUID authorityId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Raised whenever the account's sessions must end; see {@link AccountSessionFilter}. */
    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    @Version
    private long version;

    protected Account() {
    }

    Account(UUID id, NewAccount command, String passwordHash, boolean mustChangePassword, Instant now) {
        if ((command.role() == Role.AUTHORITY_EDITOR) != (command.authorityId() != null)) {
            throw new IllegalArgumentException("An authority editor, and only one, belongs to an authority");
        }
        this.id = id;
        this.email = normalize(command.email());
        this.displayName = command.displayName().strip();
        this.passwordHash = passwordHash;
        this.role = command.role();
        this.authorityId = command.authorityId();
        this.enabled = true;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = now;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
        securityStamp++;
    }

    void resetPassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = true;
        unlock();
        securityStamp++;
    }

    /** Ends every session of the account at its next request (its passkeys were reset). */
    void endSessions() {
        securityStamp++;
    }

    void enable(boolean value) {
        if (enabled && !value) {
            securityStamp++;
        }
        enabled = value;
    }

    /**
     * The authority editor now works for another authority (their organisation's CVR number changed): the sessions
     * holding the old authority's rights end.
     */
    void moveToAuthority(UUID newAuthorityId) {
        if (role != Role.AUTHORITY_EDITOR || newAuthorityId == null) {
            throw new IllegalStateException("Only an authority editor moves to another authority");
        }
        authorityId = newAuthorityId;
        securityStamp++;
    }

    UUID id() {
        return id;
    }

    Role role() {
        return role;
    }

    UUID authorityId() {
        return authorityId;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    long securityStamp() {
        return securityStamp;
    }

    CurrentAccount toCurrent() {
        return new CurrentAccount(id, email, displayName, role, authorityId);
    }

    AccountSummary toSummary(Instant now) {
        return new AccountSummary(id, email, displayName, role, authorityId, enabled, isLocked(now), mustChangePassword,
                createdAt);
    }
}
