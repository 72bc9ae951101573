/**
 * The catalogue: self-service solutions, their kinds (online, form, portal), scope, login method and topics.
 * Uses {@code authority} for the owning authority and {@code audit} to record every change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "authority", "audit"})
package dk.selvbetjening.catalogue;
