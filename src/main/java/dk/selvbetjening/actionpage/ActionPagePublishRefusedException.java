package dk.selvbetjening.actionpage;

import java.util.List;

import dk.selvbetjening.actionpage.guide.GuideFinding;

/** Publishing (or scheduling) was refused because the guide's ERROR checks fail; {@code errors} says which. */
public class ActionPagePublishRefusedException extends RuntimeException {

    private final transient List<GuideFinding> errors;

    public ActionPagePublishRefusedException(List<GuideFinding> errors) {
        super("the action page fails " + errors.size() + " guide check(s)");
        this.errors = List.copyOf(errors);
    }

    public List<GuideFinding> errors() {
        return errors;
    }
}
