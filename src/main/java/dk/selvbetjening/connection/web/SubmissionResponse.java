package dk.selvbetjening.connection.web;

import java.util.List;

import dk.selvbetjening.connection.DuplicateWarning;

/** The answer to a submission: the reference, the status and the secret status link; duplicate warnings. */
record SubmissionResponse(String reference, String status, String statusUrl, List<DuplicateWarning> duplicates) {
}
