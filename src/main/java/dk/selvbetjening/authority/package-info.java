/**
 * Authorities (state, regions, municipalities, private actors) and the register editors keep of them, the 98
 * municipality codes and 5 regions. Uses {@code audit} to record every change to the register.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package dk.selvbetjening.authority;
