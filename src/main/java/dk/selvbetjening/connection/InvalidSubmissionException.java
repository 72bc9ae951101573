package dk.selvbetjening.connection;

import java.util.List;

/** A submission with things to fix; nothing was stored. */
public class InvalidSubmissionException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidSubmissionException(List<FieldProblem> problems) {
        super("Invalid submission: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
