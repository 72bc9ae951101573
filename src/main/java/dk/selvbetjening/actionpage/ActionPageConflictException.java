package dk.selvbetjening.actionpage;

/**
 * The action page cannot do what was asked in its present state: it changed since the form was opened, it is
 * archived, it has nothing to publish, or the go-live time is not in the future. {@code reason} is a message key.
 */
public class ActionPageConflictException extends RuntimeException {

    private final String reason;

    public ActionPageConflictException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** The message key of the Danish explanation. */
    public String reason() {
        return reason;
    }
}
