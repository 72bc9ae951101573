package dk.selvbetjening.shared;

/**
 * A request parameter the user can fix. {@code messageKey} names a Danish message in
 * {@code messages.properties}; {@code arguments} fill its placeholders.
 */
public class BadParameterException extends RuntimeException {

    private final String parameter;
    private final String messageKey;
    private final transient Object[] arguments;

    public BadParameterException(String parameter, String messageKey, Object... arguments) {
        super("Bad parameter " + parameter + ": " + messageKey);
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String parameter() {
        return parameter;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
