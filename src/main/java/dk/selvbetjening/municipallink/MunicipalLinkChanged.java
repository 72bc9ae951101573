package dk.selvbetjening.municipallink;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Municipalities' links were set, changed, cleared or found broken or working again: for each self-service concerned,
 * the municipalities whose link changed. A single edit names one link; an import or a round of link-check verdicts
 * names everything it changed in one event, so that a file of 100,000 links is one publication in the event registry
 * rather than one per self-service.
 */
public record MunicipalLinkChanged(Map<UUID, Set<Integer>> municipalityCodesByService) {

    public MunicipalLinkChanged {
        if (municipalityCodesByService.isEmpty()) {
            throw new IllegalArgumentException("A change names at least one self-service");
        }
        municipalityCodesByService = municipalityCodesByService.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    public MunicipalLinkChanged(UUID selfServiceId, Set<Integer> municipalityCodes) {
        this(Map.of(selfServiceId, municipalityCodes));
    }

    public MunicipalLinkChanged(UUID selfServiceId, int municipalityCode) {
        this(selfServiceId, Set.of(municipalityCode));
    }

    /** The self-services whose links changed. */
    public Set<UUID> selfServiceIds() {
        return municipalityCodesByService.keySet();
    }
}
