package dk.selvbetjening.portal.web;

import java.util.Optional;

import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.web.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Choose or change municipality: a plain GET form (works without JavaScript), remembered in a cookie, then
 * back to the local page the citizen came from with the municipality in its link.
 */
@Controller
class MunicipalityChoiceWebController {

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;

    MunicipalityChoiceWebController(CitizenCatalogue catalogue, MunicipalityChoice choice) {
        this.catalogue = catalogue;
        this.choice = choice;
    }

    @GetMapping("/vaelg-kommune")
    Object choose(@RequestParam(defaultValue = "/") String returnTo, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!LocalPath.isLocal(returnTo)) {
            throw new BadParameterException("returnTo", "municipalityChoice.error.returnTo");
        }
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        Optional<String> given = MunicipalityChoice.parameter(request, MunicipalityChoice.PARAMETER);
        if (given.isPresent() && !given.get().isBlank()) {
            Optional<MunicipalitySummary> found = MunicipalityChoice.find(given.get(), snapshot);
            if (found.isPresent()) {
                choice.remember(found.get(), request, response);
                return SeeOther.to(UriComponentsBuilder.fromUriString(returnTo)
                        .replaceQueryParam(MunicipalityChoice.PARAMETER, found.get().code()).build(true));
            }
            model.addAttribute("error", true);
        } else if (given.isPresent()) {
            model.addAttribute("error", true);
        }
        MunicipalityChoice.Resolved current = choice.resolve(request, snapshot);
        model.addAttribute("current", current.municipality());
        model.addAttribute("municipalities", snapshot.municipalities());
        model.addAttribute("returnTo", returnTo);
        return "portal/choose-municipality";
    }
}
