/**
 * Action page (handlingsside) content: the text that prepares the citizen and labels the start button, its
 * revisions, guide checks, publishing and Word template. Uses {@code catalogue} to know the self-service a page belongs
 * to, {@code account} to know who may change it and {@code authority} for the preview's municipalities.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalogue", "audit", "account", "authority"})
package dk.selvbetjening.actionpage;
