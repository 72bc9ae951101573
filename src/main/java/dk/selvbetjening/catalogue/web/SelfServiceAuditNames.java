package dk.selvbetjening.catalogue.web;

import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.stereotype.Component;

/** Names the self-services in the audit log by title, linking to their action page editor. */
@Component
class SelfServiceAuditNames implements AuditNames {

    private final SelfServiceService services;

    SelfServiceAuditNames(SelfServiceService services) {
        this.services = services;
    }

    @Override
    public Optional<Named> subject(String type, String id) {
        if (!SelfServiceService.AUDIT_TYPE.equals(type)) {
            return Optional.empty();
        }
        try {
            var service = services.byId(UUID.fromString(id));
            return Optional.of(new Named(service.title(),
                    "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside"));
        } catch (IllegalArgumentException | SelfServiceNotFoundException e) {
            return Optional.empty();
        }
    }
}
