package dk.selvbetjening.actionpage;

import dk.selvbetjening.shared.NotFoundException;

/** The self-service has no action page, or not the revision asked for. */
public class ActionPageNotFoundException extends NotFoundException {

    public ActionPageNotFoundException(String what) {
        super(what);
    }
}
