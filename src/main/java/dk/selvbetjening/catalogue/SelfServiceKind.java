package dk.selvbetjening.catalogue;

/** An online solution, a downloadable form (blanket), or a portal such as sundhed.dk — all count as self-service. */
public enum SelfServiceKind {
    ONLINE, FORM, PORTAL
}
