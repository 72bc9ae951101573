package dk.selvbetjening.authority;

/** A municipality: its code, its name ("København") and its region's code. */
public record MunicipalitySummary(int code, String name, int regionCode) {
}
