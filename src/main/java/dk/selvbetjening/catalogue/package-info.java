/**
 * The catalogue: self-service solutions, their kinds (online, form, portal), scope, login method and topics.
 * Uses {@code authority} for the owning authority.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "authority"})
package dk.selvbetjening.catalogue;
