package dk.selvbetjening.catalogue;

import java.util.List;

import dk.selvbetjening.shared.RefusedException;

/**
 * A write that would give a private owner's self-service NemLog-in ({@link LoginRule}); nothing is written.
 * {@link #reasons()} states the rule in Danish.
 */
public class LoginMethodRefusedException extends RefusedException {

    public LoginMethodRefusedException(String slug, String rule) {
        super("Login method refused for " + slug + ": " + rule, List.of(rule));
    }

    @Override
    public String titleKey() {
        return "catalogue.loginRule.refused.title";
    }
}
