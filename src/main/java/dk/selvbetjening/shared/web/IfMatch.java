package dk.selvbetjening.shared.web;

import java.util.OptionalLong;

/**
 * Reads the If-Match header of an API change whose entity tag is its version ({@code "3"}). The one reading every
 * API uses: {@code "3"}, {@code 3} and {@code W/"3"} name version 3.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version {@code header} names; empty when it names none (the caller answers that as an outdated version,
     * 412).
     *
     * @param messages the prefix of the Danish 428 answer's message keys, e.g. {@code "authority.api.ifMatch"}
     * @throws PreconditionRequiredException when the header is absent or blank: a Danish 428 problem whose title and
     *         detail are the messages {@code <messages>.title} and {@code <messages>.detail}
     */
    public static OptionalLong version(String header, String messages) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException(messages);
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return OptionalLong.of(Long.parseLong(value.replace("\"", "")));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A change sent without If-Match (428); {@code messages} prefixes the keys of its Danish title and detail. */
    public static final class PreconditionRequiredException extends RuntimeException {

        private final String messages;

        PreconditionRequiredException(String messages) {
            super("If-Match required");
            this.messages = messages;
        }

        public String messages() {
            return messages;
        }
    }
}
