package dk.selvbetjening.account.web;

/** The "change password" form. */
public record PasswordForm(String currentPassword, String newPassword) {
}
