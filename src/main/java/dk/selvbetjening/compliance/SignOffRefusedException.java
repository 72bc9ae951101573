package dk.selvbetjening.compliance;

import java.util.List;

import dk.selvbetjening.shared.RefusedException;

/** A solution may not be signed off (409) until every requirement is met or an exemption is valid. */
public class SignOffRefusedException extends RefusedException {

    public SignOffRefusedException(List<String> reasons) {
        super("Sign-off refused: " + reasons.size() + " reasons", reasons);
    }

    @Override
    public String titleKey() {
        return "compliance.signOff.refused.title";
    }
}
