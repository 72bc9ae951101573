package dk.selvbetjening.account;

/** An API key cannot be issued as asked; {@code messageKey} says why, in Danish, for the field it names. */
public class ApiKeyException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public ApiKeyException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
