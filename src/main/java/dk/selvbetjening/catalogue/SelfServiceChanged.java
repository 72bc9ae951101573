package dk.selvbetjening.catalogue;

import java.util.UUID;

/** A self-service was added or changed (content or status). */
public record SelfServiceChanged(UUID selfServiceId) {
}
