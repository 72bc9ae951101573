package dk.selvbetjening.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors decide the access requests that staff logging in with OpenID Connect make (ADR 0026): approving one makes
 * the person the authority editor of the authority their organisation's CVR number names (a new account linked to
 * them, or their own account moved there when their organisation changed); rejecting keeps them out. Each request is
 * decided once, audited.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('EDITOR')")
public class AccessRequestService {

    private final AccessRequestRepository requests;
    private final StaffIdentityRepository identities;
    private final StaffLogin logins;
    private final AccountService accounts;
    private final AuthorityService authorities;
    private final AuditLog audit;
    private final Clock clock;

    AccessRequestService(AccessRequestRepository requests, StaffIdentityRepository identities, StaffLogin logins,
            AccountService accounts, AuthorityService authorities, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.identities = identities;
        this.logins = logins;
        this.accounts = accounts;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
    }

    /** The requests waiting for a decision, oldest first. */
    public List<AccessRequestSummary> pending() {
        return requests.findByStatusOrderByRequestedAtAsc(AccessRequestStatus.PENDING).stream().map(this::summary)
                .toList();
    }

    public Optional<AccessRequestSummary> request(UUID id) {
        return requests.findById(id).map(this::summary);
    }

    /**
     * Lets the person in as the authority editor of the request's authority.
     *
     * @throws AccountException when the request is decided already or its e-mail address has an account
     */
    @Transactional
    public void approve(UUID id) {
        AccessRequest request = find(id);
        request.decide(true, AuditLog.currentActor(), clock.instant());
        Optional<StaffIdentity> identity = identities.findByIssuerAndSubject(request.issuer(), request.subject());
        UUID accountId;
        if (identity.isPresent()) {
            Account account = accounts.account(identity.get().accountId()).orElseThrow();
            account.moveToAuthority(request.authorityId());
            account.enable(true);
            identity.get().loggedIn(request.cvrNumber(), identity.get().lastLoginAt());
            accountId = account.id();
        } else {
            String problem = accounts.staffAccountProblem(request.person(), request.authorityId());
            if (problem != null) {
                throw new AccountException(problem);
            }
            accountId = logins.link(request.issuer(), request.person(), request.authorityId()).id();
        }
        String authorityName = authorities.authority(request.authorityId()).name();
        audit.record(StaffLogin.REQUEST_AUDIT_TYPE, id, "audit.oidc.accessApproved", authorityName);
        audit.record(AccountService.AUDIT_TYPE, accountId, "audit.oidc.accessGranted", authorityName);
    }

    /** Keeps the person out; a later login with the same organisation gets no new request. */
    @Transactional
    public void reject(UUID id) {
        AccessRequest request = find(id);
        request.decide(false, AuditLog.currentActor(), clock.instant());
        audit.record(StaffLogin.REQUEST_AUDIT_TYPE, id, "audit.oidc.accessRejected", null);
    }

    private AccessRequest find(UUID id) {
        return requests.findById(id).orElseThrow(() -> new AccountException("oidc.access.error.notFound"));
    }

    private AccessRequestSummary summary(AccessRequest request) {
        boolean organisationChanged = identities.findByIssuerAndSubject(request.issuer(), request.subject())
                .isPresent();
        return request.toSummary(authorities.authority(request.authorityId()).name(), organisationChanged);
    }
}
