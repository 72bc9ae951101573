package dk.selvbetjening.portal;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.authority.MunicipalitySummary;

/** Catalogue snapshots built in a test, for web slices that mock {@link CitizenCatalogue} (ADR 0016). */
public final class CitizenSnapshots {

    private CitizenSnapshots() {
    }

    /** A snapshot with these municipalities and nothing published. */
    public static CitizenCatalogue.Snapshot ofMunicipalities(MunicipalitySummary... municipalities) {
        return new CitizenCatalogue.Snapshot(1, List.of(), List.of(municipalities), Map.of(), Map.of(), List.of(),
                null, null);
    }
}
