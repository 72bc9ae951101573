package dk.selvbetjening.account;

/** EDITOR: the portal's editorial team, sees and acts on everything. AUTHORITY_EDITOR: one authority's own things. */
public enum Role {
    EDITOR, AUTHORITY_EDITOR;

    /** The Spring Security authority name, e.g. "ROLE_EDITOR". */
    public String authority() {
        return "ROLE_" + name();
    }
}
