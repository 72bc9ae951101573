/**
 * The audit log: every change to requests, services and accounts, with who and when. A leaf: other modules
 * write to it inside their own transactions; it uses no other domain module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dk.selvbetjening.audit;
