package dk.selvbetjening.catalogue.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.stereotype.Component;

/**
 * Names the self-services in the audit log by title: their own entries link to the action page editor, their
 * assessment's ("vurdering") to the assessment and their municipal links' ("kommunelink") to the links' page; all
 * three record the self-service's id.
 */
@Component
class SelfServiceAuditNames implements AuditNames {

    /** The page about a self-service for each subject type recorded by its id. */
    private static final Map<String, String> PAGES = Map.of(
            SelfServiceService.AUDIT_TYPE, "/redaktion/selvbetjeninger/{slug}/handlingsside",
            "vurdering", "/redaktion/vurderinger/{slug}",
            "kommunelink", "/redaktion/kommunelinks/selvbetjening/{slug}");

    private final SelfServiceService services;

    SelfServiceAuditNames(SelfServiceService services) {
        this.services = services;
    }

    @Override
    public Optional<Named> subject(String type, String id) {
        String page = PAGES.get(type);
        if (page == null) {
            return Optional.empty();
        }
        try {
            var service = services.byId(UUID.fromString(id));
            return Optional.of(new Named(service.title(), page.replace("{slug}", service.slug())));
        } catch (IllegalArgumentException | SelfServiceNotFoundException e) {
            return Optional.empty();
        }
    }
}
