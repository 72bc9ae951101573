package dk.selvbetjening.shared.web;

import dk.selvbetjening.shared.BadParameterException;

/** Reads the JSON API's paging parameters; a bad one is a Danish 400 naming the parameter. */
public final class RequestParameters {

    private RequestParameters() {
    }

    /**
     * The whole number the parameter {@code name} gives, {@code fallback} when absent or blank. Outside
     * {@code min}-{@code max} or not a number it is a {@link BadParameterException} with the message
     * {@code api.error.<name>} (arguments: the text given, min, max).
     */
    public static int number(String name, String given, int fallback, int min, int max) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(given.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(name, "api.error." + name, given, min, max);
    }
}
