/**
 * Link checking: each distinct URL that other modules watch, checked politely on a schedule or on demand, and its
 * latest result. A leaf: it uses only {@code shared}, and other modules learn of results through {@link UrlChecked}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dk.selvbetjening.linkcheck;
