package dk.selvbetjening.connection;

/** One thing to fix in a submission: the field and a Danish message that says what to do. */
public record FieldProblem(String field, String message) {
}
