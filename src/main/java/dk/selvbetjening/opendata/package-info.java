/**
 * Open data: the catalogue for search engines (sitemap, robots.txt), as CPSV-AP 3.2 JSON-LD, as CSV, and a change
 * feed for harvesters; conditional requests (ETag, Last-Modified, 304) on every read API. Reads the published
 * catalogue from {@code portal}'s in-memory snapshot and listens to {@code catalogue}, {@code actionpage} and
 * {@code municipallink} events for the feed (ADR 0022).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "portal", "catalogue", "actionpage", "municipallink", "authority"})
package dk.selvbetjening.opendata;
