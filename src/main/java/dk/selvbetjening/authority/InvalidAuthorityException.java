package dk.selvbetjening.authority;

import java.util.List;

/** An authority the editor can fix (400): every problem, field by field, in the order of the form. */
public class InvalidAuthorityException extends IllegalArgumentException {

    private final transient List<AuthorityFieldError> errors;

    public InvalidAuthorityException(List<AuthorityFieldError> errors) {
        super("Invalid authority: " + errors.stream().map(AuthorityFieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<AuthorityFieldError> errors() {
        return errors;
    }
}
