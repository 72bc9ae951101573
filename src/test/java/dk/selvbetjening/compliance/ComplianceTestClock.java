package dk.selvbetjening.compliance;

import java.time.Instant;
import java.time.ZoneId;

import dk.selvbetjening.shared.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the compliance tests move: 15 June 2026 at noon, Danish time, until a test moves it. */
@TestConfiguration(proxyBeanMethods = false)
public class ComplianceTestClock {

    public static final Instant START = Instant.parse("2026-06-15T10:00:00Z");

    @Bean
    @Primary
    MutableClock complianceClock() {
        return new MutableClock(START, ZoneId.of("Europe/Copenhagen"));
    }
}
