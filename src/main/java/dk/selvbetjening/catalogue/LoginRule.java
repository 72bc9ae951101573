package dk.selvbetjening.catalogue;

import dk.selvbetjening.authority.AuthorityType;

/**
 * The login rule of "Tilslutning af selvbetjening til borger.dk": public authorities log citizens in through NemLog-in
 * ({@link LoginMethod#MITID_NEMLOGIN}); private actors may not use NemLog-in's common single sign-on and log their
 * users in through a MitID broker instead. The one place the rule is written: the catalogue refuses what it refuses
 * on every write, and connection requests are checked by it on the form, in the API and at approval.
 */
public enum LoginRule {

    /** Within the rule. */
    FOLLOWED(null),
    /** A private owner's solution with NemLog-in: refused. */
    PRIVATE_OWNER_WITH_NEMLOGIN("catalogue.loginRule.privateNemLogin"),
    /** A public authority's solution with a MitID broker: allowed, but the editor is warned. */
    PUBLIC_OWNER_WITH_BROKER("catalogue.loginRule.publicBroker");

    private final String messageKey;

    LoginRule(String messageKey) {
        this.messageKey = messageKey;
    }

    /** How a solution owned by an authority of {@code ownerType} logging in with {@code method} stands. */
    public static LoginRule of(AuthorityType ownerType, LoginMethod method) {
        if (ownerType == null || method == null) {
            return FOLLOWED;
        }
        if (!ownerType.isPublic() && method == LoginMethod.MITID_NEMLOGIN) {
            return PRIVATE_OWNER_WITH_NEMLOGIN;
        }
        if (ownerType.isPublic() && method == LoginMethod.MITID_BROKER) {
            return PUBLIC_OWNER_WITH_BROKER;
        }
        return FOLLOWED;
    }

    /** Whether the catalogue refuses it. */
    public boolean refuses() {
        return this == PRIVATE_OWNER_WITH_NEMLOGIN;
    }

    /** Whether an editor should be warned (allowed, but against the common agreement). */
    public boolean warns() {
        return this == PUBLIC_OWNER_WITH_BROKER;
    }

    /** The Danish text that states the rule (messages.properties); null when {@link #FOLLOWED}. */
    public String messageKey() {
        return messageKey;
    }
}
