package dk.selvbetjening.account;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is logged in. {@code authorityId} is null for an EDITOR. */
public record CurrentAccount(UUID id, String email, String displayName, Role role, UUID authorityId) implements Serializable {

    public boolean isEditor() {
        return role == Role.EDITOR;
    }

    /** May this account see and act on things owned by {@code ownerAuthorityId}? Editors may always. */
    public boolean mayActFor(UUID ownerAuthorityId) {
        return isEditor() || (authorityId != null && authorityId.equals(ownerAuthorityId));
    }

    /** The logged-in account of this request, if any. */
    public static Optional<CurrentAccount> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return from(authentication);
    }

    public static Optional<CurrentAccount> from(Authentication authentication) {
        AccountUserDetails details = authentication == null ? null : AccountUserDetails.of(authentication.getPrincipal());
        if (details != null) {
            return Optional.of(details.account());
        }
        if (authentication instanceof ApiKeyAuthentication key && key.scope() == ApiKeyScope.AUTHORITY) {
            return Optional.of(key.getPrincipal());
        }
        return Optional.empty();
    }
}
