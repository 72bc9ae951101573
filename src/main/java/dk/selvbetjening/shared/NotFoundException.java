package dk.selvbetjening.shared;

/**
 * Something the user asked for does not exist. Rendered centrally: a Danish 404 page, or a problem
 * response under {@code /api}. Subclasses name the thing ({@code SelfServiceNotFoundException}).
 */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message);
    }
}
