/**
 * Backoffice accounts, roles (EDITOR, AUTHORITY_EDITOR scoped to one authority), login, lockout and the web
 * security rules. Uses {@code authority} (an authority editor's authority) and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "authority", "audit"})
package dk.selvbetjening.account;
