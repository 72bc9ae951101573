package dk.selvbetjening.portal.web;

import dk.selvbetjening.portal.CitizenCatalogue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link CachedCitizenPageFilter} first in line, ahead of security, observation and MVC. */
@Configuration(proxyBeanMethods = false)
class CachedCitizenPageConfiguration {

    @Bean
    FilterRegistrationBean<CachedCitizenPageFilter> cachedCitizenPageFilter(CitizenCatalogue catalogue,
            MunicipalityChoice choice, RenderedPages pages, StartTarget startTarget) {
        FilterRegistrationBean<CachedCitizenPageFilter> registration =
                new FilterRegistrationBean<>(new CachedCitizenPageFilter(catalogue, choice, pages, startTarget));
        registration.addUrlPatterns("/handlingsside/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
