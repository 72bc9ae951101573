package dk.selvbetjening.shared.web;

import java.util.Optional;

/**
 * Names for what the audit log records by id, so the log names people and solutions: each module that writes
 * entries of a subject type names its own subjects (a self-service's title and its editor page) and the
 * account module names the people behind the e-mail addresses. Both answer empty for what is not theirs.
 */
public interface AuditNames {

    /** The subject {@code id} of {@code type} by name, with the backoffice page about it (null when none). */
    default Optional<Named> subject(String type, String id) {
        return Optional.empty();
    }

    /** The person behind the recorded actor (an e-mail address), by name. */
    default Optional<String> actor(String actor) {
        return Optional.empty();
    }

    /** A subject's name and the backoffice page about it (null when there is none). */
    record Named(String name, String href) {
    }
}
