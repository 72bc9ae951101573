package dk.selvbetjening.municipallink;

import java.util.Set;

/**
 * Whose links the current caller may change: every municipality's (an EDITOR, or the application itself), one
 * municipality's (the editor of a MUNICIPALITY authority) or none (anyone else).
 */
public record LinkEditRights(boolean everyMunicipality, Set<Integer> municipalityCodes) {

    static final LinkEditRights ALL = new LinkEditRights(true, Set.of());
    static final LinkEditRights NONE = new LinkEditRights(false, Set.of());

    public LinkEditRights {
        municipalityCodes = Set.copyOf(municipalityCodes);
    }

    static LinkEditRights only(int municipalityCode) {
        return new LinkEditRights(false, Set.of(municipalityCode));
    }

    public boolean mayEdit(int municipalityCode) {
        return everyMunicipality || municipalityCodes.contains(municipalityCode);
    }

    public boolean mayEditAny() {
        return everyMunicipality || !municipalityCodes.isEmpty();
    }

    /** The one municipality a municipality editor edits, or null. */
    public Integer ownMunicipality() {
        return !everyMunicipality && municipalityCodes.size() == 1 ? municipalityCodes.iterator().next() : null;
    }
}
