/**
 * The catalogue: self-service solutions, their kinds (online, form, portal), scope, login method and topics.
 * Uses {@code authority} for the owning authority, {@code account} for who may write, and {@code audit} to record
 * every change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "authority", "account", "audit"})
package dk.selvbetjening.catalogue;
