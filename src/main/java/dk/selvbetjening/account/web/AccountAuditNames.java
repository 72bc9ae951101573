package dk.selvbetjening.account.web;

import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.AccountSummary;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.stereotype.Component;

/** Names the people in the audit log: an actor's e-mail address and an account subject by the account's name. */
@Component
class AccountAuditNames implements AuditNames {

    private final AccountService accounts;

    AccountAuditNames(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> actor(String actor) {
        return accounts.accounts().stream().filter(a -> a.email().equalsIgnoreCase(actor)).findFirst()
                .map(a -> a.displayName() + " (" + a.email() + ")");
    }

    @Override
    public Optional<Named> subject(String type, String id) {
        if (!"konto".equals(type)) {
            return Optional.empty();
        }
        return accounts.accounts().stream().filter(a -> a.id().toString().equals(id)).findFirst()
                .map(AccountSummary::displayName).map(name -> new Named(name, "/redaktion/konti"));
    }
}
