/**
 * Demo content: on first start into an empty database, loads realistic self-services, action pages and
 * municipal links (marked as demo) through the other modules' APIs. Off in production. See ADR 0002.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "authority", "catalogue", "actionpage", "municipallink", "compliance",
                "compliance :: requirement"})
package dk.selvbetjening.demo;
