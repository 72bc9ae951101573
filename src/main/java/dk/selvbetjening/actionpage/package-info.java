/**
 * Action page (handlingsside) content: the text that prepares the citizen and labels the start button, and its Word
 * template. Uses {@code catalogue} to know the self-service a page belongs to and {@code account} to know who may
 * export it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalogue", "audit", "account"})
package dk.selvbetjening.actionpage;
