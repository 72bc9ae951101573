package dk.selvbetjening.authority;

import java.util.List;

/** The municipalities and regions that have no authority in the register yet. */
public record MissingAuthorities(List<MunicipalitySummary> municipalities, List<RegionSummary> regions) {

    public MissingAuthorities {
        municipalities = List.copyOf(municipalities);
        regions = List.copyOf(regions);
    }

    public boolean isEmpty() {
        return municipalities.isEmpty() && regions.isEmpty();
    }
}
