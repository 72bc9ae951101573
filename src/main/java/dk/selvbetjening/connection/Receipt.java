package dk.selvbetjening.connection;

import java.util.List;

/**
 * The answer to a submission, for its submitter. {@code statusPath} is the local path of the status page, with the
 * secret token; {@code repeated} is true when this answers a repeat of an earlier submission (the same idempotency
 * key and the same content).
 */
public record Receipt(String reference, ConnectionRequestStatus status, String statusToken, String statusPath,
        List<PublicDuplicate> duplicates, boolean repeated) {
}
