package dk.selvbetjening.municipallink.web;

import java.util.List;
import java.util.Objects;

import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.MunicipalityCode;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.municipallink.DeepLink;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalityNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Direkte links til kommunens selvbetjening": for a municipality's web editors, every published action page's
 * address with the municipality chosen, ready to copy, as a public page and as CSV.
 */
@Controller
class DeepLinkWebController {

    private final MunicipalLinkService links;
    private final AuthorityService authorities;

    DeepLinkWebController(MunicipalLinkService links, AuthorityService authorities) {
        this.links = links;
        this.authorities = authorities;
    }

    /** A deep link with its absolute address. */
    record DeepLinkView(DeepLink link, String url) {
    }

    @GetMapping("/kommuner/{code}/direkte-links")
    String page(@PathVariable String code, Model model) {
        MunicipalitySummary municipality = municipality(code);
        model.addAttribute("municipality", municipality);
        model.addAttribute("links", views(municipality));
        model.addAttribute("csvHref", "/kommuner/" + municipality.code() + "/direkte-links.csv");
        return "municipallink/deep-links";
    }

    @GetMapping("/kommuner/{code}/direkte-links.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code) {
        MunicipalitySummary municipality = municipality(code);
        return MunicipalLinkApiController.csv(links.deepLinksCsv(municipality.code(), base()),
                "direkte-links-" + municipality.code() + ".csv");
    }

    private List<DeepLinkView> views(MunicipalitySummary municipality) {
        String base = base();
        return links.deepLinks(municipality.code()).stream().map(l -> new DeepLinkView(l, base + l.path())).toList();
    }

    /** The portal's address as the request reached it, e.g. "https://selvbetjening.dk". */
    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private MunicipalitySummary municipality(String code) {
        return MunicipalityCode.find(code, authorities::municipality)
                .orElseThrow(() -> new MunicipalityNotFoundException(Objects.toString(code)));
    }
}
