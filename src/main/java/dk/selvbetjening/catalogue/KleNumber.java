package dk.selvbetjening.catalogue;

import java.util.regex.Pattern;

/** A KLE number (the public sector's classification of tasks): "28", "28.09" or "28.09.04". */
public record KleNumber(String value) {

    private static final Pattern FORM = Pattern.compile("^\\d{2}(\\.\\d{2}){0,2}$");

    public KleNumber {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a KLE number: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORM.matcher(candidate).matches();
    }
}
