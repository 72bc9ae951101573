package dk.selvbetjening.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The health indicator {@code citizenCatalogue}, part of the readiness probe ({@code /actuator/health/readiness}):
 * DOWN until the first citizen snapshot is built, so a load balancer sends no citizen to a node that would first have
 * to read the whole catalogue. The snapshot is built once the application is ready (after the migrations and the
 * start-up runners that load content); a later change only marks it stale, and the node stays ready.
 */
@Component("citizenCatalogueHealthIndicator")
class CitizenCatalogueReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CitizenCatalogueReadiness.class);

    private final CitizenCatalogue catalogue;

    CitizenCatalogueReadiness(CitizenCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Builds the first snapshot before Spring Boot reports the application ready to accept traffic. */
    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        try {
            catalogue.snapshot();
        } catch (RuntimeException e) {
            // Not ready yet: the first citizen page builds it, and the probe says DOWN until then.
            log.warn("Could not build the citizen catalogue at start-up", e);
        }
    }

    @Override
    public Health health() {
        CitizenCatalogue.Snapshot built = catalogue.built();
        return built == null
                ? Health.down().withDetail("catalogue", "not built yet").build()
                : Health.up().withDetail("generation", built.generation()).build();
    }
}
