package dk.selvbetjening.connection;

import java.time.Instant;

/** A message from the editors to the submitter: why changes are needed, why rejected, or an approval note. */
public record RequestMessage(Instant writtenAt, String author, String kind, String text) {
}
