package dk.selvbetjening.authority;

import java.util.UUID;

/**
 * An authority was registered or its details (name, type, homepage, phone, e-mail) changed. Published by
 * {@link AuthorityService} inside the changing transaction; every write to an authority publishes it.
 */
public record AuthorityChanged(UUID authorityId) {
}
