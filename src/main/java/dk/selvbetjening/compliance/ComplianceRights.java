package dk.selvbetjening.compliance;

import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what with requirements and assessments. An EDITOR: everything. An AUTHORITY_EDITOR: answer and sign off
 * the own authority's solutions. The application itself ({@link SystemPrincipal}: demo content): everything. Anyone
 * else, and code with no authentication at all: nothing.
 */
@Component
public class ComplianceRights {

    boolean isSystem() {
        return SystemPrincipal.isCurrent();
    }

    Optional<CurrentAccount> account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? CurrentAccount.from(authentication)
                : Optional.empty();
    }

    boolean isEditor() {
        return isSystem() || account().map(CurrentAccount::isEditor).orElse(false);
    }

    boolean mayActFor(UUID authorityId) {
        return isSystem() || account().map(a -> a.mayActFor(authorityId)).orElse(false);
    }

    public void requireEditor() {
        if (!isEditor()) {
            throw new AccessDeniedException("Only editors may do this");
        }
    }

    void requireMayActFor(UUID authorityId) {
        if (!mayActFor(authorityId)) {
            throw new AccessDeniedException("This account may not act for authority " + authorityId);
        }
    }

    /** The name recorded as who did something: the account's e-mail, or "system" for the system principal. */
    public String actor() {
        return isSystem() ? AuditLog.SYSTEM : account().map(CurrentAccount::email)
                .orElseThrow(() -> new AccessDeniedException("No account is acting"));
    }
}
