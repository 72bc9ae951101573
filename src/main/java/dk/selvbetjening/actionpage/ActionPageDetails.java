package dk.selvbetjening.actionpage;

import java.time.Instant;
import java.util.UUID;

/** The action page of a self-service and when it was last changed. */
public record ActionPageDetails(UUID selfServiceId, ActionPageContent content, Instant updatedAt) {
}
