package dk.selvbetjening.connection;

/** A request for a NEW self-service, or a change to an EXISTING one. */
public enum ConnectionRequestKind {
    NEW, EXISTING
}
