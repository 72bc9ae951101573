package dk.selvbetjening.account.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.account.AccountException;
import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.AccountSummary;
import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.account.PasskeyService;
import dk.selvbetjening.account.PasskeySummary;
import dk.selvbetjening.shared.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Passkeys (ADR 0027): an account's own list, where it registers a passkey (the WebAuthn ceremony runs in
 * {@code /js/passkeys.js} against Spring Security's endpoints) and removes one; and the editors' recovery, which
 * resets another account's passkeys from the accounts page. Removing and resetting ask first.
 */
@Controller
class PasskeyWebController {

    static final String PAGE = "/redaktion/konto/adgangsnoegler";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final PasskeyService passkeys;
    private final AccountService accounts;
    private final MessageSource messages;

    PasskeyWebController(PasskeyService passkeys, AccountService accounts, MessageSource messages) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    String list(Model model) {
        CurrentAccount account = CurrentAccount.current().orElseThrow();
        List<PasskeySummary> own = passkeys.ownPasskeys();
        model.addAttribute("passkeys", own);
        model.addAttribute("mustRegister", passkeys.requiredForEditors() && account.isEditor() && own.isEmpty());
        return "account/passkeys";
    }

    @PostMapping(PAGE + "/{id}/fjern")
    Object remove(@PathVariable String id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed) {
        Optional<PasskeySummary> passkey = passkeys.ownPasskey(id);
        if (passkey.isEmpty()) {
            return "redirect:" + PAGE;
        }
        if (!Confirmation.given(confirmed)) {
            return new Confirmation(text("passkeys.confirm.remove.heading", passkey.get().label()),
                    text("passkeys.confirm.remove.warning"), List.of(), PAGE + "/" + id + "/fjern", Map.of(),
                    text("passkeys.confirm.remove.button"), PAGE, text("passkeys.confirm.back")).page();
        }
        passkeys.removeOwn(id);
        return "redirect:" + PAGE + "?fjernet";
    }

    /** Recovery: another editor removes every passkey of the account (audited) and ends its sessions. */
    @PostMapping("/redaktion/konti/{id}/nulstil-adgangsnoegler")
    Object reset(@PathVariable UUID id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed,
            RedirectAttributes redirect) {
        Optional<AccountSummary> account = accounts.accounts().stream().filter(a -> a.id().equals(id)).findFirst();
        if (account.isEmpty()) {
            return "redirect:/redaktion/konti";
        }
        try {
            if (!Confirmation.given(confirmed)) {
                if (CurrentAccount.current().map(c -> c.id().equals(id)).orElse(false)) {
                    throw new AccountException("passkeys.error.resetSelf");
                }
                return new Confirmation(text("passkeys.confirm.reset.heading", account.get().email()),
                        text("passkeys.confirm.reset.warning", account.get().email(), passkeys.count(id)),
                        List.of(), "/redaktion/konti/" + id + "/nulstil-adgangsnoegler", Map.of(),
                        text("passkeys.confirm.reset.button"), "/redaktion/konti",
                        text("backoffice.confirm.back.accounts")).page();
            }
            passkeys.reset(id);
            redirect.addFlashAttribute("passkeysReset", account.get().email());
        } catch (AccountException e) {
            redirect.addFlashAttribute("passkeysResetRefused", e.messageKey());
        }
        return "redirect:/redaktion/konti";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }
}
