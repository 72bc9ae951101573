package dk.selvbetjening.authority;

/** A region: its code (1081-1085) and name. */
public record RegionSummary(int code, String name) {
}
