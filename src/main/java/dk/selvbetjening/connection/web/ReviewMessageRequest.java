package dk.selvbetjening.connection.web;

/** The body of request-changes and reject: the message to the submitter. */
record ReviewMessageRequest(String message) {
}
