package dk.selvbetjening.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an OpenID Connect login of a person leads to, once the provider's ID token has been checked (ADR 0026). The
 * person is known by the provider's stable id for them, never by e-mail. A person already linked to an account logs
 * in to it, unless their organisation's CVR number no longer names the account's authority: then the account loses
 * that authority's rights at once. A person not (or no longer) let in whose CVR number names a known authority is let
 * in at once as its authority editor when the authority is trusted, and otherwise gets an access request for an
 * editor to decide. Every step is audited, under the person's e-mail address as the actor, naming the provider (its
 * issuer): with several providers the same subject at two of them is two people.
 */
@Component
class StaffLogin {

    static final String REQUEST_AUDIT_TYPE = "adgangsanmodning";

    /** Why a login did not let the person in; each has its own Danish page. */
    enum Refusal {
        ACCESS_REQUESTED, UNKNOWN_ORGANISATION, REFUSED, MISSING_CLAIMS, EMAIL_TAKEN
    }

    /** Either the account to log in as, or why not (and the organisation's CVR number, where it matters). */
    record Outcome(AccountUserDetails account, Refusal refusal, String cvrNumber) {

        static Outcome refused(Refusal refusal, String cvrNumber) {
            return new Outcome(null, refusal, cvrNumber);
        }
    }

    private final AccountService accounts;
    private final StaffIdentityRepository identities;
    private final AccessRequestRepository requests;
    private final AuthorityService authorities;
    private final AuditLog audit;
    private final Clock clock;

    StaffLogin(AccountService accounts, StaffIdentityRepository identities, AccessRequestRepository requests,
            AuthorityService authorities, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.requests = requests;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Outcome login(String issuer, StaffClaims person) {
        if (person == null) {
            return Outcome.refused(Refusal.MISSING_CLAIMS, null);
        }
        Optional<AuthorityDetails> authority = person.cvrNumber() == null ? Optional.empty()
                : authorities.authorityByCvr(new CvrNumber(person.cvrNumber())).filter(AuthorityDetails::isSelectable);
        Optional<StaffIdentity> identity = identities.findByIssuerAndSubject(issuer, person.subject());
        if (identity.isPresent()) {
            Account account = accounts.account(identity.get().accountId()).orElseThrow();
            if (account.role() == Role.AUTHORITY_EDITOR && account.enabled()
                    && !authority.map(AuthorityDetails::id).equals(Optional.of(account.authorityId()))) {
                // The organisation changed its CVR number (or the person moved): the old authority's rights go now.
                account.enable(false);
                audit.recordAs(person.email(), AccountService.AUDIT_TYPE, account.id(),
                        "audit.oidc.organisationChanged",
                        via(identity.get().cvrNumber() + " → " + person.cvrNumber(), issuer));
            }
            identity.get().loggedIn(person.cvrNumber() == null ? identity.get().cvrNumber() : person.cvrNumber(),
                    clock.instant());
            if (account.enabled()) {
                return new Outcome(accounts.userDetails(account), null, person.cvrNumber());
            }
            if (authority.isEmpty()) {
                return Outcome.refused(person.cvrNumber() == null ? Refusal.REFUSED : Refusal.UNKNOWN_ORGANISATION,
                        person.cvrNumber());
            }
            if (account.role() == Role.AUTHORITY_EDITOR && !account.authorityId().equals(authority.get().id())
                    && authorities.isStaffLoginTrusted(authority.get().id())) {
                account.moveToAuthority(authority.get().id());
                account.enable(true);
                audit.recordAs(person.email(), AccountService.AUDIT_TYPE, account.id(), "audit.oidc.trustedLogin",
                        via(authority.get().name(), issuer));
                return new Outcome(accounts.userDetails(account), null, person.cvrNumber());
            }
            if (account.role() == Role.AUTHORITY_EDITOR && !account.authorityId().equals(authority.get().id())) {
                return askForAccess(issuer, person, authority.get());
            }
            return Outcome.refused(Refusal.REFUSED, person.cvrNumber());
        }
        if (authority.isEmpty()) {
            return Outcome.refused(person.cvrNumber() == null ? Refusal.MISSING_CLAIMS : Refusal.UNKNOWN_ORGANISATION,
                    person.cvrNumber());
        }
        if (authorities.isStaffLoginTrusted(authority.get().id())) {
            return letInAtOnce(issuer, person, authority.get());
        }
        return askForAccess(issuer, person, authority.get());
    }

    private Outcome letInAtOnce(String issuer, StaffClaims person, AuthorityDetails authority) {
        if (accounts.staffAccountProblem(person, authority.id()) != null) {
            return Outcome.refused(Refusal.EMAIL_TAKEN, person.cvrNumber());
        }
        Account account = link(issuer, person, authority.id());
        audit.recordAs(person.email(), AccountService.AUDIT_TYPE, account.id(), "audit.oidc.trustedLogin",
                via(authority.name(), issuer));
        return new Outcome(accounts.userDetails(account), null, person.cvrNumber());
    }

    /** Creates the person's authority editor account for {@code authorityId} and links them to it. */
    Account link(String issuer, StaffClaims person, UUID authorityId) {
        Account account = accounts.addStaffAccount(person, authorityId);
        identities.save(new StaffIdentity(issuer, person.subject(), account.id(), person.cvrNumber(),
                clock.instant()));
        return account;
    }

    private Outcome askForAccess(String issuer, StaffClaims person, AuthorityDetails authority) {
        if (requests.existsByIssuerAndSubjectAndAuthorityIdAndStatus(issuer, person.subject(), authority.id(),
                AccessRequestStatus.REJECTED)) {
            return Outcome.refused(Refusal.REFUSED, person.cvrNumber());
        }
        Optional<AccessRequest> pending = requests.findFirstByIssuerAndSubjectAndStatus(issuer, person.subject(),
                AccessRequestStatus.PENDING);
        if (pending.isPresent()) {
            pending.get().update(person, authority.id());
        } else {
            AccessRequest request = requests.save(new AccessRequest(issuer, person, authority.id(), clock.instant()));
            audit.recordAs(person.email(), REQUEST_AUDIT_TYPE, request.id(), "audit.oidc.accessRequested",
                    via(person.displayName() + ", " + authority.name(), issuer));
        }
        return Outcome.refused(Refusal.ACCESS_REQUESTED, person.cvrNumber());
    }

    /** An audit entry's detail with the provider (its issuer) the person logged in through. */
    static String via(String detail, String issuer) {
        return detail + ", via " + issuer;
    }
}
