/**
 * Action page (handlingsside) content: the text that prepares the citizen and labels the start button.
 * Uses {@code catalogue} to know the self-service a page belongs to, {@code authority} for the preview's municipalities.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalogue", "audit", "account", "authority"})
package dk.selvbetjening.actionpage;
