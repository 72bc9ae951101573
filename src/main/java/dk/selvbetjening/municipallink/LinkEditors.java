package dk.selvbetjening.municipallink;

import java.util.Optional;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.account.Role;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may change which municipality's links. An EDITOR: every municipality's. An AUTHORITY_EDITOR whose authority is
 * a MUNICIPALITY: that municipality's. The application itself ({@link SystemPrincipal}: start-up, demo content, the
 * link checker's verdicts) every municipality's, and only it records verdicts. Any other account, an anonymous
 * visitor and code that runs with no authentication at all: none.
 */
@Component
class LinkEditors {

    private final AuthorityService authorities;

    LinkEditors(AuthorityService authorities) {
        this.authorities = authorities;
    }

    LinkEditRights current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (SystemPrincipal.is(authentication)) {
            return LinkEditRights.ALL;
        }
        Optional<CurrentAccount> found = CurrentAccount.from(authentication);
        if (found.isEmpty() || !authentication.isAuthenticated()) {
            return LinkEditRights.NONE;
        }
        CurrentAccount account = found.get();
        if (account.isEditor()) {
            return LinkEditRights.ALL;
        }
        if (account.role() == Role.AUTHORITY_EDITOR && account.authorityId() != null) {
            AuthorityDetails authority = authorities.authority(account.authorityId());
            if (authority.type() == AuthorityType.MUNICIPALITY && authority.municipalityCode() != null) {
                return LinkEditRights.only(authority.municipalityCode());
            }
        }
        return LinkEditRights.NONE;
    }

    /** The link checker's verdicts come from the application itself, never from a person. */
    void requireSystem() {
        if (!SystemPrincipal.isCurrent()) {
            throw new AccessDeniedException("Only the application records the link checker's verdicts");
        }
    }

    LinkEditRights requireMayEditAny() {
        LinkEditRights rights = current();
        if (!rights.mayEditAny()) {
            throw new AccessDeniedException("This account may not change municipal links");
        }
        return rights;
    }

    void requireMayEdit(int municipalityCode) {
        if (!current().mayEdit(municipalityCode)) {
            throw new AccessDeniedException("This account may not change municipality " + municipalityCode + "'s links");
        }
    }
}
