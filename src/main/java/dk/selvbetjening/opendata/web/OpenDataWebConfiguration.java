package dk.selvbetjening.opendata.web;

import dk.selvbetjening.opendata.CatalogueVersion;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class OpenDataWebConfiguration {

    /** After Spring Security's chains (their headers still apply), before the controllers. */
    @Bean
    FilterRegistrationBean<ConditionalReads> conditionalReads(CatalogueVersion version) {
        FilterRegistrationBean<ConditionalReads> registration = new FilterRegistrationBean<>(new ConditionalReads(version));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
