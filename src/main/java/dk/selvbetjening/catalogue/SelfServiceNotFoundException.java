package dk.selvbetjening.catalogue;

import dk.selvbetjening.shared.NotFoundException;

/** No self-service has the given slug or id (or it is not published, where citizens ask). */
public class SelfServiceNotFoundException extends NotFoundException {

    public SelfServiceNotFoundException(Object slugOrId) {
        super("No self-service " + slugOrId);
    }
}
