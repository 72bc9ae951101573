package dk.selvbetjening.linkcheck;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The checker, with its HTTP client, worker threads and the suspicious-domain list. */
@Configuration(proxyBeanMethods = false)
class LinkCheckConfiguration {

    @Bean(destroyMethod = "close")
    LinkChecker linkChecker(LinkCheckProperties properties, ResourceLoader resources, Clock clock) {
        return new LinkChecker(properties,
                SuspiciousDomains.load(resources.getResource(properties.suspiciousDomains())), clock);
    }
}
