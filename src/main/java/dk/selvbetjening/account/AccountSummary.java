package dk.selvbetjening.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An account as the account list shows it. */
public record AccountSummary(UUID id, String email, String displayName, Role role, UUID authorityId, boolean enabled,
        boolean locked, boolean mustChangePassword, Instant createdAt) implements Serializable {
}
