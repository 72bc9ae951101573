package dk.selvbetjening.actionpage;

import java.util.UUID;

/** The action page of a self-service was written or changed. */
public record ActionPageChanged(UUID selfServiceId) {
}
