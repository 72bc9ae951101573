package dk.selvbetjening.account.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.account.AccountException;
import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.CreatedAccount;
import dk.selvbetjening.account.NewAccount;
import dk.selvbetjening.account.PasskeyService;
import dk.selvbetjening.account.Role;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.shared.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors manage accounts: list, create (with a one-time password), disable, unlock, reset the password. */
@Controller
class AccountWebController {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final AccountService accounts;
    private final AuthorityService authorities;
    private final MessageSource messages;
    private final PasskeyService passkeys;

    AccountWebController(AccountService accounts, AuthorityService authorities, MessageSource messages,
            PasskeyService passkeys) {
        this.accounts = accounts;
        this.authorities = authorities;
        this.messages = messages;
        this.passkeys = passkeys;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }

    @GetMapping("/redaktion/konti")
    String list(Model model) {
        return page(model, AccountForm.empty(), Map.of());
    }

    @PostMapping("/redaktion/konti")
    String create(@ModelAttribute AccountForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = null;
        try {
            role = Role.valueOf(form.role());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put("role", "account.error.role");
        }
        UUID authorityId = null;
        if (form.authorityId() != null && !form.authorityId().isBlank()) {
            try {
                authorityId = UUID.fromString(form.authorityId());
            } catch (IllegalArgumentException e) {
                errors.put("authorityId", "account.error.authority");
            }
        }
        if (errors.isEmpty()) {
            try {
                CreatedAccount created = accounts.create(new NewAccount(form.email(), form.displayName(), role,
                        authorityId));
                redirect.addFlashAttribute("created", created);
                return "redirect:/redaktion/konti";
            } catch (AccountException e) {
                errors.put(fieldOf(e.messageKey()), e.messageKey());
            }
        }
        return page(model, form, errors);
    }

    @PostMapping("/redaktion/konti/{id}/aktiver")
    String enable(@PathVariable UUID id) {
        accounts.setEnabled(id, true);
        return "redirect:/redaktion/konti";
    }

    /** Deactivating locks a person out: the form's post shows a confirmation page, whose red button does it. */
    @PostMapping("/redaktion/konti/{id}/deaktiver")
    Object disable(@PathVariable UUID id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model) {
        if (!Confirmation.given(confirmed)) {
            String email = accounts.accounts().stream().filter(a -> a.id().equals(id)).map(a -> a.email())
                    .findFirst().orElse(null);
            if (email == null) {
                return "redirect:/redaktion/konti";
            }
            return new Confirmation(text("backoffice.confirm.disable.heading", email),
                    text("backoffice.confirm.disable.warning"), List.of(), "/redaktion/konti/" + id + "/deaktiver",
                    Map.of(), text("backoffice.confirm.disable.button"), "/redaktion/konti",
                    text("backoffice.confirm.back.accounts")).page();
        }
        try {
            accounts.setEnabled(id, false);
        } catch (AccountException e) {
            return page(model, AccountForm.empty(), Map.of("email", e.messageKey()));
        }
        return "redirect:/redaktion/konti";
    }

    @PostMapping("/redaktion/konti/{id}/laas-op")
    String unlock(@PathVariable UUID id) {
        accounts.unlock(id);
        return "redirect:/redaktion/konti";
    }

    @PostMapping("/redaktion/konti/{id}/nulstil")
    String reset(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("resetPassword", accounts.resetPassword(id));
        return "redirect:/redaktion/konti";
    }

    private String page(Model model, AccountForm form, Map<String, String> errors) {
        List<AuthorityDetails> all = authorities.authorities();
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("passkeyCounts", passkeys.counts());
        model.addAttribute("authorities", all.stream().filter(AuthorityDetails::isSelectable).toList());
        model.addAttribute("authorityNames", all.stream()
                .collect(Collectors.toMap(AuthorityDetails::id, AuthorityDetails::name)));
        model.addAttribute("retiredAuthorities", all.stream().filter(AuthorityDetails::isRetired)
                .map(AuthorityDetails::id).collect(Collectors.toSet()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "account/accounts";
    }

    private static String fieldOf(String messageKey) {
        return switch (messageKey) {
            case "account.error.displayName" -> "displayName";
            case "account.error.role" -> "role";
            case "account.error.authority", "account.error.authorityNotSelectable" -> "authorityId";
            default -> "email";
        };
    }
}
