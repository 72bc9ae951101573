package dk.selvbetjening.authority;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of a CSV import of authorities. Every data row is counted once: {@code rows = created + changed +
 * unchanged + invalid}. The import is all or nothing: {@code applied} is false when any row had an error, and then
 * nothing was stored ({@code created} and {@code changed} count what would have been).
 */
public record AuthorityImportReport(boolean applied, int rows, int created, int changed, int unchanged, int invalid,
        List<RowError> errors) implements Serializable {

    public AuthorityImportReport {
        errors = List.copyOf(errors);
    }

    /**
     * One problem in one line of the file (the header is line 1), in the named column (null for the whole line or
     * file). {@code messageKey} names a Danish message whose placeholders {@code arguments} fill.
     */
    public record RowError(long line, String column, String messageKey, List<String> arguments) implements Serializable {

        public RowError {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    static AuthorityImportReport fileError(long line, String messageKey, String... arguments) {
        return new AuthorityImportReport(false, 0, 0, 0, 0, 0,
                List.of(new RowError(line, null, messageKey, List.of(arguments))));
    }
}
