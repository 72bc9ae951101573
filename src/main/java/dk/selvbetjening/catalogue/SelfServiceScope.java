package dk.selvbetjening.catalogue;

/** NATIONAL: one URL for everyone. MUNICIPAL: one URL per municipality (see the municipallink module). */
public enum SelfServiceScope {
    NATIONAL, MUNICIPAL
}
