/**
 * Cross-cutting web and infrastructure parts: layout, error handling, clock, scheduling. No domain logic.
 * Every other module may use it; it uses none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.selvbetjening.shared;
