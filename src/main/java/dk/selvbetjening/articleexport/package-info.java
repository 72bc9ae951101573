/**
 * ArticleExport: borger.dk's SOAP web service for municipal websites, spoken over the published catalogue
 * (ADR 0023). Reads the citizen catalogue's snapshot from {@code portal}; owns only the ArticleID and SiteID numbers.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "portal", "authority", "catalogue", "actionpage"})
package dk.selvbetjening.articleexport;
