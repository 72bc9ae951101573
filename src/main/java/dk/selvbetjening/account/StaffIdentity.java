package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person at an OpenID Connect provider (issuer and the stable id it gives them), linked to one account once access
 * was granted. The organisation's CVR number is the one of the last login: when it changes, the account loses the
 * old authority's rights (see {@link StaffLogin}).
 */
@Entity
@Table(name = "account_staff_identity")
class StaffIdentity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String subject;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "cvr_number", nullable = false)
    private String cvrNumber;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at", nullable = false)
    private Instant lastLoginAt;

    @Version
    private long version;

    protected StaffIdentity() {
    }

    StaffIdentity(String issuer, String subject, UUID accountId, String cvrNumber, Instant now) {
        this.id = UUID.randomUUID();
        this.issuer = issuer;
        this.subject = subject;
        this.accountId = accountId;
        this.cvrNumber = cvrNumber;
        this.createdAt = now;
        this.lastLoginAt = now;
    }

    void loggedIn(String cvr, Instant at) {
        this.cvrNumber = cvr;
        this.lastLoginAt = at;
    }

    UUID accountId() {
        return accountId;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }

    String cvrNumber() {
        return cvrNumber;
    }
}
