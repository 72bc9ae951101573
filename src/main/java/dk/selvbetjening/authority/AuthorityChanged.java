package dk.selvbetjening.authority;

import java.util.UUID;

/** An editor created, changed, retired or reinstated an authority; citizen pages that show it must be rebuilt. */
public record AuthorityChanged(UUID authorityId) {
}
