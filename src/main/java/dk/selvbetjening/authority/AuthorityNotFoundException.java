package dk.selvbetjening.authority;

import dk.selvbetjening.shared.NotFoundException;

/** No authority has the given id. */
public class AuthorityNotFoundException extends NotFoundException {

    public AuthorityNotFoundException(Object id) {
        super("No authority " + id);
    }
}
