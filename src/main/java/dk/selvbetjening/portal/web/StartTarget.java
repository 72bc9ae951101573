package dk.selvbetjening.portal.web;

import java.util.Optional;

import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.usage.StartCounter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * A citizen's Start: where it goes for the chosen municipality. When it goes somewhere, the start is counted and
 * the municipality remembered. Shared by the fast path ({@link CachedCitizenPageFilter}) and the controller.
 */
@Component
class StartTarget {

    private final MunicipalityChoice choice;
    private final StartCounter starts;

    StartTarget(MunicipalityChoice choice, StartCounter starts) {
        this.choice = choice;
        this.starts = starts;
    }

    /** The URL to send the citizen to; empty (nothing counted or remembered) when there is none. */
    Optional<String> take(PortalService page, MunicipalityChoice.Resolved resolved, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<String> target = page.startUrl(resolved.code());
        if (target.isPresent()) {
            choice.remember(resolved, request, response);
            starts.count(page.service().id(), page.isMunicipal() ? resolved.code() : null);
        }
        return target;
    }
}
