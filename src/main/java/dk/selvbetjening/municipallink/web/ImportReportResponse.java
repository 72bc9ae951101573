package dk.selvbetjening.municipallink.web;

import java.util.List;

/**
 * An import's outcome. {@code applied}: whether the valid rows were written. {@code counts.rows} =
 * changed + unchanged + errors (rows with at least one error); {@code errors} lists every problem by line.
 */
record ImportReportResponse(boolean applied, Counts counts, List<RowError> errors) {

    record Counts(int rows, int changed, int unchanged, int errors) {
    }

    /** One problem, in Danish, in one line of the file (the header is line 1). */
    record RowError(long line, String message) {
    }
}
