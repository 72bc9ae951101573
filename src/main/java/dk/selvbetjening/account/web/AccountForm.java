package dk.selvbetjening.account.web;

/** The "create account" form, as typed. */
public record AccountForm(String email, String displayName, String role, String authorityId) {

    static AccountForm empty() {
        return new AccountForm("", "", "AUTHORITY_EDITOR", "");
    }
}
