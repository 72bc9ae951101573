/**
 * Municipal links: the URL of a municipal self-service in each municipality (empty means missing), their
 * completeness, the CSV round trip and the deep links a municipality puts on its own site. Uses {@code catalogue}
 * (only municipal solutions have links), {@code authority} (municipality codes), {@code account} (who may edit which
 * municipality's links) and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "catalogue", "authority", "account", "audit", "linkcheck"})
package dk.selvbetjening.municipallink;
