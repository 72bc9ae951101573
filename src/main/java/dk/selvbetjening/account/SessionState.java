package dk.selvbetjening.account;

/** What a logged-in session is checked against on each request: read in one query. */
record SessionState(boolean enabled, boolean mustChangePassword, long securityStamp) {

    /** May a session that logged in with {@code stamp} go on? */
    boolean allows(long stamp) {
        return enabled && securityStamp == stamp;
    }
}
