package dk.selvbetjening.compliance;

import java.time.Instant;

/** A readiness sign-off: the year it is for, the catalogue version it answered, who and when. */
public record SignOffDetails(int year, int catalogueVersion, Instant signedAt, String signedBy) {
}
