package dk.selvbetjening.linkcheck;

/** How a checked link fares, from harmless to harmful. */
public enum LinkOutcome {

    /** The page answered as it should. */
    OK,

    /** The page works, but something should be looked at: slow, redirected, blocks robots, TLS, a first failure. */
    CAUTION,

    /** The page is gone or has failed several checks in a row. */
    BROKEN,

    /** The host is on the list of suspicious domains; it was never requested. */
    DANGER
}
