package dk.selvbetjening.shared;

import java.util.List;

/**
 * An action refused because something is missing that the user can supply (409). {@code reasons} are Danish
 * sentences, one per missing thing; {@code titleKey} names the Danish heading. Rendered centrally as a problem
 * response with a {@code missing} list under {@code /api}.
 */
public abstract class RefusedException extends RuntimeException {

    private final List<String> reasons;

    protected RefusedException(String message, List<String> reasons) {
        super(message);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }

    /** The message key of the Danish title, e.g. "Selvbetjeningen kan ikke udgives". */
    public abstract String titleKey();
}
