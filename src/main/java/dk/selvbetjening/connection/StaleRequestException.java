package dk.selvbetjening.connection;

/** The request changed since the caller read it (412): someone else acted first. Message in Danish. */
public class StaleRequestException extends RuntimeException {

    public StaleRequestException(String message) {
        super(message);
    }
}
