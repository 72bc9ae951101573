package dk.selvbetjening.connection;

/** The action does not fit the request's status (409); {@code message} says why, in Danish. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
