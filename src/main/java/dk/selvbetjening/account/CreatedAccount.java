package dk.selvbetjening.account;

import java.io.Serializable;

/** A new account and its one-time password, shown once to the editor who created it; changed at first login. */
public record CreatedAccount(AccountSummary account, String temporaryPassword) implements Serializable {
}
