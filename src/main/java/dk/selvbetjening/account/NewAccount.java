package dk.selvbetjening.account;

import java.util.UUID;

/** The command to create an account. {@code authorityId} is required for, and only for, an AUTHORITY_EDITOR. */
public record NewAccount(String email, String displayName, Role role, UUID authorityId) {
}
