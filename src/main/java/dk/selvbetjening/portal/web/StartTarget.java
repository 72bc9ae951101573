package dk.selvbetjening.portal.web;

import java.util.Optional;

import dk.selvbetjening.portal.PortalService;
import dk.selvbetjening.shared.web.SecurityHeaders;
import dk.selvbetjening.usage.StartCounter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * A citizen's Start on a published self-service: where the 303 goes, for the chosen municipality. With a target
 * (the national URL, or the municipality's working link) the start is counted and goes there; without one it goes
 * back to the action page's Start section, asking for a municipality, or saying the chosen one has no link or a code
 * is unknown. A municipality chosen by the {@code kommunekode} parameter is remembered either way. Answered by
 * {@link StartRedirectValve} inside Tomcat, and by {@link ActionPageWebController} where that valve is not installed
 * (MockMvc); an unknown slug is the controller's 404.
 */
@Component
class StartTarget {

    private final MunicipalityChoice choice;
    private final StartCounter starts;

    StartTarget(MunicipalityChoice choice, StartCounter starts) {
        this.choice = choice;
        this.starts = starts;
    }

    /** Counts and remembers what applies, and returns the 303's Location. */
    String take(PortalService page, MunicipalityChoice.Resolved resolved, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<String> target = page.startUrl(resolved.code());
        choice.remember(resolved, request, response);
        if (target.isPresent()) {
            starts.count(page.service().id(), page.isMunicipal() ? resolved.code() : null);
            return target.get();
        }
        if (resolved.municipality() != null) {
            return ActionPageWebController.pageLink(page.slug(), MunicipalityChoice.PARAMETER, resolved.code(), "start");
        }
        if (resolved.rejectedCode() != null) {
            return ActionPageWebController.pageLink(page.slug(), MunicipalityChoice.PARAMETER, resolved.rejectedCode(),
                    "start");
        }
        return ActionPageWebController.pageLink(page.slug(), "kommune", ActionPageWebController.MISSING_MUNICIPALITY,
                "start");
    }

    /** Writes the 303: the redirect's headers ({@link SecurityHeaders#writeRedirectHeaders}) and the Location. */
    static void seeOther(String location, HttpServletRequest request, HttpServletResponse response) {
        SecurityHeaders.writeRedirectHeaders(request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
