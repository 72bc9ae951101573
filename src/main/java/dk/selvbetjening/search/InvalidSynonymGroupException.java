package dk.selvbetjening.search;

/** A synonym group that cannot be saved; {@code messageKey} says why in Danish (search.properties). */
public class InvalidSynonymGroupException extends RuntimeException {

    private final String messageKey;

    public InvalidSynonymGroupException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
