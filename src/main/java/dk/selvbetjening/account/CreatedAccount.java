package dk.selvbetjening.account;

/** A new account and its one-time password, shown once to the editor who created it; changed at first login. */
public record CreatedAccount(AccountSummary account, String temporaryPassword) {
}
