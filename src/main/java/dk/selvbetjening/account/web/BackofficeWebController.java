package dk.selvbetjening.account.web;

import java.util.Map;

import dk.selvbetjening.account.AccountException;
import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Login, the backoffice's front page and changing one's own password. */
@Controller
class BackofficeWebController {

    private final AccountService accounts;

    BackofficeWebController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/redaktion/log-ind")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("failed", request.getParameterMap().containsKey("fejl"));
        model.addAttribute("loggedOut", request.getParameterMap().containsKey("logget-ud"));
        return "account/login";
    }

    @GetMapping("/redaktion")
    String home(Model model) {
        model.addAttribute("account", CurrentAccount.current().orElseThrow());
        return "account/home";
    }

    @GetMapping("/redaktion/skift-adgangskode")
    String changePasswordForm(Model model) {
        CurrentAccount account = CurrentAccount.current().orElseThrow();
        model.addAttribute("errors", Map.of());
        model.addAttribute("mustChange", accounts.mustChangePassword(account.id()));
        return "account/change-password";
    }

    @PostMapping("/redaktion/skift-adgangskode")
    String changePassword(@ModelAttribute PasswordForm form, Model model) {
        CurrentAccount account = CurrentAccount.current().orElseThrow();
        try {
            accounts.changeOwnPassword(account.id(), form.currentPassword(), form.newPassword());
            model.addAttribute("changed", true);
            model.addAttribute("errors", Map.of());
        } catch (AccountException e) {
            String field = e.messageKey().equals("account.password.wrongCurrent") ? "currentPassword" : "newPassword";
            model.addAttribute("errors", Map.of(field, e.messageKey()));
        }
        model.addAttribute("mustChange", accounts.mustChangePassword(account.id()));
        return "account/change-password";
    }
}
