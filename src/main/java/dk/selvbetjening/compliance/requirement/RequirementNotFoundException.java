package dk.selvbetjening.compliance.requirement;

import dk.selvbetjening.shared.NotFoundException;

/** No requirement has the given number. */
public class RequirementNotFoundException extends NotFoundException {

    public RequirementNotFoundException(String number) {
        super("No requirement " + number);
    }
}
