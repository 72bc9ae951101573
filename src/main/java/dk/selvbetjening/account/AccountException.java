package dk.selvbetjening.account;

/** A request about accounts that cannot be done; {@code messageKey} says why, in Danish. */
public class AccountException extends RuntimeException {

    private final String messageKey;

    public AccountException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
