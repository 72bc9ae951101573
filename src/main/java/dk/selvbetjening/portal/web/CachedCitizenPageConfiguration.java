package dk.selvbetjening.portal.web;

import dk.selvbetjening.portal.CitizenCatalogue;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link CachedCitizenPageFilter} first in line, ahead of security, observation and MVC, and
 * {@link StartRedirectValve} into Tomcat's engine, after the valves Spring Boot adds there (the trusted proxies').
 */
@Configuration(proxyBeanMethods = false)
class CachedCitizenPageConfiguration {

    @Bean
    FilterRegistrationBean<CachedCitizenPageFilter> cachedCitizenPageFilter(CitizenCatalogue catalogue,
            MunicipalityChoice choice, RenderedPages pages, CitizenPageCaching caching) {
        FilterRegistrationBean<CachedCitizenPageFilter> registration =
                new FilterRegistrationBean<>(new CachedCitizenPageFilter(catalogue, choice, pages, caching));
        registration.addUrlPatterns("/handlingsside/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    StartRedirectValveInstaller startRedirectValveInstaller(CitizenCatalogue catalogue, MunicipalityChoice choice,
            StartTarget startTarget) {
        return new StartRedirectValveInstaller(new StartRedirectValve(catalogue, choice, startTarget));
    }

    /** Adds the valve after Spring Boot's own engine valves: its customizer runs first (order 0). */
    record StartRedirectValveInstaller(StartRedirectValve valve)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addEngineValves(valve);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
