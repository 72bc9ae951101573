package dk.selvbetjening.connection;

/**
 * An Idempotency-Key already used for a request with other content: nothing is stored, and the earlier request's
 * answer (with its status link) is not given.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key already used with another body");
    }
}
