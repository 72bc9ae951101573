/**
 * Search: the citizens' Danish full-text search over published self-services (Hibernate Search with Lucene), the
 * synonyms editors keep, and what citizens look for (counted without personal data). It keeps its own table of
 * search documents up to date from the catalogue's, the action pages' and the authorities' events, and reads start
 * counts from {@code usage} for ties. Uses {@code catalogue}, {@code actionpage}, {@code authority} and {@code usage};
 * nothing uses it. See ADR 0021.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "catalogue", "actionpage", "authority", "usage"})
package dk.selvbetjening.search;
