package dk.selvbetjening.account.web;

import java.util.Set;

import dk.selvbetjening.account.StaffOidcLogin;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages an OpenID Connect login ends on when it does not let the person in (ADR 0026): their access request is
 * waiting for an editor, their organisation is not a known authority (and how to ask for access), or the login failed.
 * Open to anyone: the person has no session yet.
 */
@Controller
class StaffLoginWebController {

    private static final Set<String> REASONS = Set.of("afvist", "oplysninger", "e-mail");

    @GetMapping("/redaktion/log-ind/adgang-anmodet")
    String accessRequested() {
        return "account/staff-login-access-requested";
    }

    @GetMapping("/redaktion/log-ind/ukendt-organisation")
    String unknownOrganisation(HttpSession session, Model model) {
        Object cvr = session.getAttribute(StaffOidcLogin.UNKNOWN_CVR_ATTRIBUTE);
        model.addAttribute("cvr", cvr instanceof String text ? text : null);
        return "account/staff-login-unknown-organisation";
    }

    /** {@code aarsag} picks one of the page's fixed texts; anything else gets the general one. */
    @GetMapping("/redaktion/log-ind/fejl")
    String failed(@RequestParam(name = "aarsag", required = false) String reason, Model model) {
        model.addAttribute("reason", reason != null && REASONS.contains(reason) ? reason : "generel");
        return "account/staff-login-failed";
    }
}
