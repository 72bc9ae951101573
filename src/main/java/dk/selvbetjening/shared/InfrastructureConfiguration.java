package dk.selvbetjening.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The application's clock (Danish time) and scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InfrastructureConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(DanishTime.ZONE);
    }
}
