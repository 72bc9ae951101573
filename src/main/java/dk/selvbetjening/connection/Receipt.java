package dk.selvbetjening.connection;

import java.util.List;

/**
 * The answer to a submission. {@code statusPath} is the local path of the status page, with the secret token;
 * {@code repeated} is true when this answers a repeat of an earlier submission (same idempotency key).
 */
public record Receipt(String reference, ConnectionRequestStatus status, String statusToken, String statusPath,
        List<DuplicateWarning> duplicates, boolean repeated) {
}
