package dk.selvbetjening.portal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code selvbetjening.citizen.catalogue.generation}: the generation of this node's citizen snapshot (NaN
 * before the first), which grows with every change that reached this node, so nodes that disagree stand out.
 */
@Component
class CitizenCatalogueMetrics implements MeterBinder {

    private final CitizenCatalogue catalogue;

    CitizenCatalogueMetrics(CitizenCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("selvbetjening.citizen.catalogue.generation", catalogue, c -> {
                    CitizenCatalogue.Snapshot built = c.built();
                    return built == null ? Double.NaN : built.generation();
                })
                .description("Generation of this node's citizen snapshot").strongReference(true).register(meters);
    }
}
