package dk.selvbetjening.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the demo content into an empty catalogue at start-up (turn off in production)
 * @param resource the demo content file
 */
@ConfigurationProperties(prefix = "selvbetjening.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("classpath:demo/demo-content.json") String resource) {
}
