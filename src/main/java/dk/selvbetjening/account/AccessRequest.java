package dk.selvbetjening.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person's request, made by logging in with OpenID Connect, to work as the authority editor of the authority whose
 * CVR number their organisation has. An editor decides it once; a decided request does not change again.
 */
@Entity
@Table(name = "account_access_request")
class AccessRequest {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String subject;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String email;

    @Column(name = "cvr_number", nullable = false)
    private String cvrNumber;

    @Column(name = "authority_id", nullable = false)
    private UUID authorityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccessRequestStatus status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Version
    private long version;

    protected AccessRequest() {
    }

    AccessRequest(String issuer, StaffClaims person, UUID authorityId, Instant now) {
        this.id = UUID.randomUUID();
        this.issuer = issuer;
        this.subject = person.subject();
        this.authorityId = authorityId;
        this.status = AccessRequestStatus.PENDING;
        this.requestedAt = now;
        update(person, authorityId);
    }

    /** The person logged in again while waiting: the request names what they said this time. */
    void update(StaffClaims person, UUID authority) {
        if (status != AccessRequestStatus.PENDING) {
            throw new IllegalStateException("Access request " + id + " is already decided");
        }
        this.displayName = person.displayName();
        this.email = person.email();
        this.cvrNumber = person.cvrNumber();
        this.authorityId = authority;
    }

    void decide(boolean approved, String by, Instant at) {
        if (status != AccessRequestStatus.PENDING) {
            throw new AccountException("oidc.access.error.decided");
        }
        status = approved ? AccessRequestStatus.APPROVED : AccessRequestStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
    }

    UUID id() {
        return id;
    }

    String issuer() {
        return issuer;
    }

    String subject() {
        return subject;
    }

    UUID authorityId() {
        return authorityId;
    }

    String cvrNumber() {
        return cvrNumber;
    }

    StaffClaims person() {
        return new StaffClaims(subject, displayName, email, cvrNumber);
    }

    AccessRequestSummary toSummary(String authorityName, boolean organisationChanged) {
        return new AccessRequestSummary(id, displayName, email, cvrNumber, authorityId, authorityName, status,
                requestedAt, organisationChanged, issuer);
    }
}
