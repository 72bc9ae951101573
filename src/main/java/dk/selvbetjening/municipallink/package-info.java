/**
 * Municipal links: the URL of a municipal self-service in each municipality (empty means missing).
 * Uses {@code catalogue} (only municipal solutions have them) and {@code authority} (municipality codes).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalogue", "authority"})
package dk.selvbetjening.municipallink;
