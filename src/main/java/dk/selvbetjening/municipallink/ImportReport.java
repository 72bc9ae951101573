package dk.selvbetjening.municipallink;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of a CSV import. Every data row is counted once: {@code rows = changed + unchanged + invalid}.
 * {@code applied} is false when nothing was written (the file had errors and the uploader did not choose to
 * apply the valid rows); {@code changed} then counts the rows that would have changed.
 */
public record ImportReport(boolean applied, int rows, int changed, int unchanged, int invalid, List<RowError> errors) implements Serializable {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /**
     * One problem in one line of the file (the header is line 1). {@code messageKey} names a Danish message whose
     * placeholders {@code arguments} fill.
     */
    public record RowError(long line, String messageKey, List<String> arguments) implements Serializable {

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

    /** The first {@code max} errors, for a page that cannot show a hundred thousand. */
    public List<RowError> firstErrors(int max) {
        return errors.size() <= max ? errors : errors.subList(0, max);
    }
}
