package dk.selvbetjening.authority;

import java.util.List;

/**
 * One thing to fix in one field of an authority ({@code name}, {@code type}, {@code cvrNumber},
 * {@code municipalityCode}, {@code regionCode}, {@code homepageUrl}, {@code contactPhone}, {@code contactEmail}):
 * {@code messageKey} names a Danish message whose placeholders {@code arguments} fill.
 */
public record AuthorityFieldError(String field, String messageKey, List<String> arguments) {

    public AuthorityFieldError {
        arguments = List.copyOf(arguments);
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
