/**
 * Authorities (state, regions, municipalities, private actors), the 98 municipality codes and 5 regions.
 * Uses no other domain module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dk.selvbetjening.authority;
