package dk.selvbetjening.municipallink;

import java.util.Set;
import java.util.UUID;

/**
 * Municipalities' links for a self-service were set, changed, cleared or found broken or working again. An import
 * publishes one event per changed self-service, naming every municipality it changed there.
 */
public record MunicipalLinkChanged(UUID selfServiceId, Set<Integer> municipalityCodes) {

    public MunicipalLinkChanged {
        municipalityCodes = Set.copyOf(municipalityCodes);
    }

    public MunicipalLinkChanged(UUID selfServiceId, int municipalityCode) {
        this(selfServiceId, Set.of(municipalityCode));
    }
}
