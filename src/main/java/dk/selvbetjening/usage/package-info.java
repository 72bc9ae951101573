/**
 * Usage: how many citizens pressed Start, per self-service, municipality and day — counted in memory by the portal's
 * start redirect and written every minute. The portal ranks its "most used" list by it and link health orders its
 * dashboard by it. Uses nothing but {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dk.selvbetjening.usage;
