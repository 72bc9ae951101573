/**
 * Connection requests (tilslutning): the public submission, the status link, and the editors' review to an
 * approved, published self-service. Uses catalogue, actionpage (with its form, which the request form nests, its
 * Word template and its guide findings), municipallink (a municipal request's links, handed over at approval),
 * authority, account, notification, audit, linkcheck and compliance (a mandatory solution's assessment on the
 * review page).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "authority", "catalogue", "actionpage", "actionpage :: form",
                "actionpage :: word", "actionpage :: guide", "municipallink",
                "account", "notification", "audit", "linkcheck", "compliance"})
package dk.selvbetjening.connection;
