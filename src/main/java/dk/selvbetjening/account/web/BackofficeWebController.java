package dk.selvbetjening.account.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dk.selvbetjening.account.AccountException;
import dk.selvbetjening.account.AccountProperties;
import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.account.LoginThrottle;
import dk.selvbetjening.account.OwnSession;
import dk.selvbetjening.shared.web.BackofficeTasks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Login, the backoffice's front page and changing one's own password. */
@Controller
class BackofficeWebController {

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final OwnSession ownSession;
    private final AccountProperties properties;
    private final ObjectProvider<BackofficeTasks> tasks;

    BackofficeWebController(AccountService accounts, LoginThrottle throttle, OwnSession ownSession,
            AccountProperties properties, ObjectProvider<BackofficeTasks> tasks) {
        this.tasks = tasks;
        this.accounts = accounts;
        this.throttle = throttle;
        this.ownSession = ownSession;
        this.properties = properties;
    }

    /**
     * The login page; after a refused login it says why. While the client's address is held back by the login
     * throttle, the page answers 429 with Retry-After.
     */
    @GetMapping("/redaktion/log-ind")
    String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String[]> parameters = request.getParameterMap();
        Optional<Duration> wait = parameters.containsKey("for-mange-forsoeg") ? throttle.retryAfter(request)
                : Optional.empty();
        wait.ifPresent(duration -> {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, dk.selvbetjening.shared.web.RateLimitedException.retryAfterSeconds(duration));
            model.addAttribute("throttledMinutes", LoginThrottle.minutes(duration));
        });
        model.addAttribute("failed", parameters.containsKey("fejl"));
        model.addAttribute("failuresPerAddress", properties.loginFailuresPerAddress());
        model.addAttribute("failureWindowMinutes", properties.loginFailureWindow().toMinutes());
        model.addAttribute("loggedOut", parameters.containsKey("logget-ud"));
        model.addAttribute("sessionEnded", parameters.containsKey("session-afsluttet"));
        return "account/login";
    }

    /** The start page: what waits for this account, counted, each linking to its list; then the other pages. */
    @GetMapping("/redaktion")
    String home(Model model) {
        model.addAttribute("account", CurrentAccount.current().orElseThrow());
        model.addAttribute("tasks", tasks.orderedStream().flatMap(part -> part.tasks().stream())
                .sorted(java.util.Comparator.comparingInt(BackofficeTasks.Task::order)).toList());
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
    String changePassword(@ModelAttribute PasswordForm form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        CurrentAccount account = CurrentAccount.current().orElseThrow();
        try {
            accounts.changeOwnPassword(account.id(), form.currentPassword(), form.newPassword());
            ownSession.keepAfterPasswordChange(request, response);
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
