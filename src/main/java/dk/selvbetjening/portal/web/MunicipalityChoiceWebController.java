package dk.selvbetjening.portal.web;

import java.util.Map;
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
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Choose or change municipality: a plain GET form (works without JavaScript), the citizen's choice remembered in a
 * cookie for a year, then back to the local page the citizen came from with the municipality in its link — to an
 * action page's Start section. An empty choice from an action page goes back to that page, which shows the error at
 * its field; from anywhere else this page shows it.
 */
@Controller
class MunicipalityChoiceWebController {

    static final String PATH = "/vaelg-kommune";
    private static final String ACTION_PAGE = "/handlingsside/";

    private final CitizenCatalogue catalogue;
    private final MunicipalityChoice choice;

    MunicipalityChoiceWebController(CitizenCatalogue catalogue, MunicipalityChoice choice) {
        this.catalogue = catalogue;
        this.choice = choice;
    }

    @GetMapping(PATH)
    Object choose(@RequestParam(defaultValue = "/") String returnTo, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!LocalPath.isLocal(returnTo)) {
            throw new BadParameterException("returnTo", "municipalityChoice.error.returnTo");
        }
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        UriComponents back = UriComponentsBuilder.fromUriString(returnTo).build(true);
        boolean toActionPage = back.getPath() != null && back.getPath().startsWith(ACTION_PAGE);
        Optional<String> given = MunicipalityChoice.parameter(request, MunicipalityChoice.PARAMETER);
        boolean error = false;
        if (given.isPresent() && !given.get().isBlank()) {
            Optional<MunicipalitySummary> found = MunicipalityChoice.find(given.get(), snapshot);
            if (found.isPresent()) {
                choice.rememberChosen(found.get(), request, response);
                UriComponentsBuilder target = UriComponentsBuilder.fromUriString(returnTo)
                        .replaceQueryParam(MunicipalityChoice.PARAMETER, found.get().code());
                if (toActionPage) {
                    target.replaceQueryParam("kommune").fragment(ActionPageWebController.START_SECTION);
                }
                return SeeOther.to(target.build(true));
            }
            error = true;
        } else if (given.isPresent() && toActionPage) {
            // the action page's own chooser, sent empty: back there, where the error stands at the field
            return SeeOther.to(UriComponentsBuilder.fromUriString(returnTo)
                    .replaceQueryParam(MunicipalityChoice.PARAMETER)
                    .replaceQueryParam("kommune", ActionPageWebController.MISSING_MUNICIPALITY)
                    .fragment(ActionPageWebController.ERROR_SUMMARY).build(true));
        } else if (given.isPresent()) {
            error = true;
        }
        model.addAttribute("errors", error ? Map.of(ActionPageView.MUNICIPALITY_FIELD, "municipality.select.error")
                : Map.of());
        MunicipalityChoice.Resolved current = choice.resolve(request, snapshot);
        MunicipalitySummary applies = current.municipality();
        model.addAttribute("current", applies);
        // "Din kommune er nu …" only for the citizen's own choice, never for what a link brought
        model.addAttribute("chosen", applies != null && current.chosen() != null
                && applies.code() == current.chosen().code() ? applies : null);
        model.addAttribute("municipalities", snapshot.municipalities());
        model.addAttribute("returnTo", returnTo);
        return "portal/choose-municipality";
    }
}
