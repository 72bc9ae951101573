package dk.selvbetjening.portal.web;

import dk.selvbetjening.portal.CitizenCatalogue;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link CachedCitizenPageValve} and {@link StartRedirectValve} into Tomcat's engine, after the valves Spring Boot
 * adds there (the trusted proxies'), and {@link CachedCitizenPageFilter} first in the filter chain, ahead of security,
 * observation and MVC, for where the valves are not (MockMvc).
 */
@Configuration(proxyBeanMethods = false)
class CachedCitizenPageConfiguration {

    @Bean
    FilterRegistrationBean<CachedCitizenPageFilter> cachedCitizenPageFilter(CachedCitizenPages pages) {
        FilterRegistrationBean<CachedCitizenPageFilter> registration =
                new FilterRegistrationBean<>(new CachedCitizenPageFilter(pages));
        registration.addUrlPatterns("/handlingsside/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    CitizenValveInstaller citizenValveInstaller(CitizenCatalogue catalogue, MunicipalityChoice choice,
            StartTarget startTarget, CachedCitizenPages pages) {
        return new CitizenValveInstaller(new CachedCitizenPageValve(pages),
                new StartRedirectValve(catalogue, choice, startTarget));
    }

    /** Adds the valves after Spring Boot's own engine valves: its customizer runs first (order 0). */
    record CitizenValveInstaller(CachedCitizenPageValve page, StartRedirectValve start)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addEngineValves(page, start);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
