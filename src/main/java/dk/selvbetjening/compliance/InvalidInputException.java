package dk.selvbetjening.compliance;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input the user can fix (400): each field with the key of its Danish message, in the order of the form. */
public class InvalidInputException extends RuntimeException {

    private final transient Map<String, String> errors;

    public InvalidInputException(Map<String, String> errors) {
        super("Invalid input: " + errors.keySet());
        this.errors = new LinkedHashMap<>(errors);
    }

    /** Field name → message key. */
    public Map<String, String> errors() {
        return new LinkedHashMap<>(errors);
    }
}
