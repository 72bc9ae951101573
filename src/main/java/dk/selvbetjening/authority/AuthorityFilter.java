package dk.selvbetjening.authority;

/**
 * Which authorities a list shows: of one {@code type} (null: all), with the retired ones or not, only the incomplete
 * ones (without CVR number) or all.
 */
public record AuthorityFilter(AuthorityType type, boolean includeRetired, boolean onlyIncomplete) {

    public static final AuthorityFilter ACTIVE = new AuthorityFilter(null, false, false);
    public static final AuthorityFilter ALL = new AuthorityFilter(null, true, false);

    boolean matches(AuthorityDetails authority) {
        return (type == null || authority.type() == type) && (includeRetired || !authority.isRetired())
                && (!onlyIncomplete || !authority.isComplete());
    }
}
