package dk.selvbetjening.account;

import java.util.UUID;

/**
 * What a logged-in session is checked against on each request: read in one query ({@code authorityId} is the
 * authority editor's authority, null for editors).
 */
record SessionState(boolean enabled, boolean mustChangePassword, long securityStamp, UUID authorityId) {

    /** The same state, but no longer allowing the session (its authority was retired). */
    SessionState disabled() {
        return new SessionState(false, mustChangePassword, securityStamp, authorityId);
    }

    /** May a session that logged in with {@code stamp} go on? */
    boolean allows(long stamp) {
        return enabled && securityStamp == stamp;
    }
}
