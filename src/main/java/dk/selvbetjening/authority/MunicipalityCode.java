package dk.selvbetjening.authority;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A municipality code (kommunekode) as written in links: "101" and "0101" are the same code. Parsing only
 * checks the form; whether a municipality has the code is {@link AuthorityService#municipality(int)}'s
 * question.
 */
public record MunicipalityCode(int value) {

    private static final Pattern FORM = Pattern.compile("\\d{3,4}");

    public MunicipalityCode {
        if (value < 100 || value > 999) {
            throw new IllegalArgumentException("A municipality code has three digits: " + value);
        }
    }

    /** The code written in {@code text}, or empty when it is not 3-4 digits naming 100-999. */
    public static Optional<MunicipalityCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!FORM.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        int value = Integer.parseInt(trimmed);
        return value >= 100 && value <= 999 ? Optional.of(new MunicipalityCode(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
