package dk.selvbetjening.authority;

/**
 * The authority changed since the editor read it (another editor saved, retired or reinstated it): nothing was
 * changed. {@code messageKey} names the Danish explanation.
 */
public class StaleAuthorityException extends RuntimeException {

    private final String messageKey;

    StaleAuthorityException(String messageKey) {
        super("Authority changed meanwhile: " + messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
