/**
 * Link health: keeps the link checker watching every published URL citizens can start (national solutions and
 * municipal links), feeds its verdicts back to the municipal links, shows editors the results by how many
 * citizens use each link, and mails each authority a digest of its broken links. See ADR 0008.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "linkcheck", "catalogue",
        "municipallink", "authority", "notification", "usage"})
package dk.selvbetjening.linkhealth;
