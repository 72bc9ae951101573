package dk.selvbetjening.authority;

import java.util.UUID;

/**
 * An authority was registered, created, changed, retired or reinstated; citizen pages that show it must be rebuilt.
 * Published by {@link AuthorityService} inside the changing transaction; every write to an authority publishes it.
 */
public record AuthorityChanged(UUID authorityId) {
}
