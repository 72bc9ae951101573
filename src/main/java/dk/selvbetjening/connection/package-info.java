/**
 * Connection requests (tilslutning): the public submission, the status link, and the editors' review to an
 * approved, published self-service. Uses catalogue, actionpage, authority, account, notification and audit.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "authority", "catalogue", "actionpage", "account", "notification", "audit", "linkcheck"})
package dk.selvbetjening.connection;
