package dk.selvbetjening.authority.web;

import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.authority.AuthorityNotFoundException;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.stereotype.Component;

/** Names the authorities in the audit log, linking to their page in the register. */
@Component
class AuthorityAuditNames implements AuditNames {

    private final AuthorityService authorities;

    AuthorityAuditNames(AuthorityService authorities) {
        this.authorities = authorities;
    }

    @Override
    public Optional<Named> subject(String type, String id) {
        if (!AuthorityService.AUDIT_TYPE.equals(type)) {
            return Optional.empty();
        }
        try {
            var authority = authorities.authority(UUID.fromString(id));
            return Optional.of(new Named(authority.name(), AuthorityWebController.BASE + "/" + authority.id()));
        } catch (IllegalArgumentException | AuthorityNotFoundException e) {
            return Optional.empty();
        }
    }
}
