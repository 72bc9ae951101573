package dk.selvbetjening.connection.web;

import java.util.List;

import dk.selvbetjening.connection.PublicDuplicate;

/**
 * The answer to a submission: the reference, the status and the secret status link; what anyone may know of other
 * self-services and requests with the same URL.
 */
record SubmissionResponse(String reference, String status, String statusUrl, List<PublicDuplicate> duplicates) {
}
