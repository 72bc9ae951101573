package dk.selvbetjening.linkhealth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param digestCron when each authority gets its digest of broken links (default: Mondays at 7)
 * @param watchOnStartup make sure every published URL is watched, once, in the background after start-up
 * @param baseUrl the portal's public address, for links in the digest
 */
@ConfigurationProperties(prefix = "selvbetjening.linkhealth")
public record LinkHealthProperties(
        @DefaultValue("0 0 7 * * MON") String digestCron,
        @DefaultValue("true") boolean watchOnStartup,
        @DefaultValue("http://localhost:8080") String baseUrl) {
}
