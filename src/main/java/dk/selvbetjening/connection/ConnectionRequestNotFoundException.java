package dk.selvbetjening.connection;

import dk.selvbetjening.shared.NotFoundException;

/** No request with that reference — or none the caller may see. */
public class ConnectionRequestNotFoundException extends NotFoundException {

    public ConnectionRequestNotFoundException(String reference) {
        super("No connection request " + reference);
    }
}
