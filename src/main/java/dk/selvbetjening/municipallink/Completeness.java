package dk.selvbetjening.municipallink;

import java.util.List;
import java.util.UUID;

/**
 * The completeness matrix of published municipal self-services × the 98 municipalities, summed up per
 * self-service (by title), per municipality (by code) and in all.
 */
public record Completeness(List<ServiceRow> services, List<MunicipalityRow> municipalities, LinkCounts total) {

    public Completeness {
        services = List.copyOf(services);
        municipalities = List.copyOf(municipalities);
    }

    /** One self-service's links across the municipalities. */
    public record ServiceRow(UUID selfServiceId, String slug, String title, LinkCounts counts) {
    }

    /** One municipality's links across the self-services. */
    public record MunicipalityRow(int code, String name, LinkCounts counts) {
    }
}
