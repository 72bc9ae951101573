package dk.selvbetjening.municipallink;

import java.util.Optional;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.account.Role;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may change which municipality's links. An EDITOR: every municipality's. An AUTHORITY_EDITOR whose authority is
 * a MUNICIPALITY: that municipality's. Any other account, and an anonymous visitor: none. Code running outside any
 * request's security context (start-up, demo content, scheduled jobs) is the application itself and may change
 * every link; every HTTP request has an authentication (at least an anonymous one), so this is never a visitor.
 */
@Component
class LinkEditors {

    private final AuthorityService authorities;

    LinkEditors(AuthorityService authorities) {
        this.authorities = authorities;
    }

    LinkEditRights current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
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

    /** Whether the caller is the application itself rather than a person. */
    boolean isSystem() {
        return SecurityContextHolder.getContext().getAuthentication() == null;
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
