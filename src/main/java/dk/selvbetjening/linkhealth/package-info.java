/**
 * Link health: keeps the link checker watching every published URL citizens can start (national solutions and
 * municipal links), feeds its verdicts back to the municipal links, shows editors the results by how many
 * citizens use each link (start counts from {@code usage}), and mails each authority a digest of its broken links.
 * It reacts to the catalogue's, the municipal links' and the checker's events with {@code @ApplicationModuleListener}s
 * through the event publication registry, so no event is lost in a crash. See ADR 0008 and ADR 0015.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "linkcheck", "catalogue",
        "municipallink", "authority", "notification", "usage"})
package dk.selvbetjening.linkhealth;
