package dk.selvbetjening.authority;

import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import dk.selvbetjening.shared.BadParameterException;

/**
 * A municipality code (kommunekode) as written in links: "101" and "0101" are the same code. Parsing only
 * checks the form; whether a municipality has the code is {@link AuthorityService#municipality(int)}'s
 * question. {@link #find} and {@link #parameter} are the one reading of a code in a link or API parameter; the
 * caller says where municipalities are looked up (the register, or the portal's in-memory copy of it).
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

    /** The municipality whose code {@code text} is, looked up by code in {@code municipalities}; else empty. */
    public static Optional<MunicipalitySummary> find(String text,
            IntFunction<Optional<MunicipalitySummary>> municipalities) {
        return parse(text).flatMap(code -> municipalities.apply(code.value()));
    }

    /**
     * The municipality the API parameter {@code municipalityCode} names: empty when absent or blank; a
     * {@link BadParameterException} (a Danish 400 naming the parameter) when it is no municipality's code.
     */
    public static Optional<MunicipalitySummary> parameter(String given,
            IntFunction<Optional<MunicipalitySummary>> municipalities) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(find(given, municipalities).orElseThrow(
                () -> new BadParameterException("municipalityCode", "api.error.municipalityCode", given)));
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
