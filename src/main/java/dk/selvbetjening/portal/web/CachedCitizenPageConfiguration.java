package dk.selvbetjening.portal.web;

import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.portal.CitizenCatalogue;
import org.apache.catalina.AccessLog;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties.ForwardHeadersStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link CachedCitizenPageValve} and {@link StartRedirectValve} first into Tomcat's engine, ahead of the valves
 * Spring Boot adds there (the trusted proxies' RemoteIpValve, whose part of the work these answers need they do
 * themselves, {@link TrustedProxies}), and {@link CachedCitizenPageFilter} first in the filter chain (after Spring's
 * ForwardedHeaderFilter when there is one), ahead of security, observation and MVC, for where the valves are not
 * (MockMvc). With an access log in the engine (which records the
 * client's address the RemoteIpValve sets) the valves go after Spring Boot's instead, as before (ADR 0024).
 *
 * <p>With {@code server.forward-headers-strategy=framework} a proxy's https and address reach the application only
 * through Spring's {@code ForwardedHeaderFilter}, a filter: no valve is installed then, and the cached pages are
 * answered by the filter, which comes right after that one; the start redirect by its controller.
 */
@Configuration(proxyBeanMethods = false)
class CachedCitizenPageConfiguration {

    @Bean
    FilterRegistrationBean<CachedCitizenPageFilter> cachedCitizenPageFilter(CachedCitizenPages pages) {
        FilterRegistrationBean<CachedCitizenPageFilter> registration =
                new FilterRegistrationBean<>(new CachedCitizenPageFilter(pages));
        registration.addUrlPatterns("/handlingsside/*");
        // after Spring's ForwardedHeaderFilter (HIGHEST_PRECEDENCE) with server.forward-headers-strategy=framework
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    CitizenValveInstaller citizenValveInstaller(CitizenCatalogue catalogue, MunicipalityChoice choice,
            StartTarget startTarget, CachedCitizenPages pages, ServerProperties server) {
        return new CitizenValveInstaller(withoutProxy(catalogue), choice, startTarget, pages,
                server.getForwardHeadersStrategy() == ForwardHeadersStrategy.FRAMEWORK);
    }

    /**
     * The catalogue itself, not the proxy around it (Spring Modulith's, for its event listeners): the fast paths ask
     * it for the snapshot on every request, and the proxy would look up its advice each time.
     */
    static CitizenCatalogue withoutProxy(CitizenCatalogue catalogue) {
        return AopProxyUtils.getSingletonTarget(catalogue) instanceof CitizenCatalogue bare ? bare : catalogue;
    }

    /**
     * Adds the valves once Spring Boot's own engine valves are there: its customizer runs first (order 0); none when
     * {@code forwardedHeaderFilter}, as a valve would answer before that filter applied the proxy's https.
     */
    record CitizenValveInstaller(CitizenCatalogue catalogue, MunicipalityChoice choice, StartTarget startTarget,
            CachedCitizenPages pages, boolean forwardedHeaderFilter)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            if (forwardedHeaderFilter) {
                return;
            }
            if (factory instanceof TomcatWebServerFactory tomcat
                    && tomcat.getEngineValves().stream().noneMatch(AccessLog.class::isInstance)) {
                TrustedProxies proxies = tomcat.getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
                        .map(valve -> TrustedProxies.of((RemoteIpValve) valve)).findFirst()
                        .orElse(TrustedProxies.NONE);
                List<Valve> valves = new ArrayList<>(valves(proxies));
                valves.addAll(tomcat.getEngineValves());
                tomcat.setEngineValves(valves);
            } else {
                factory.addEngineValves(valves(TrustedProxies.NONE).toArray(Valve[]::new));
            }
        }

        private List<Valve> valves(TrustedProxies proxies) {
            return List.of(new CachedCitizenPageValve(pages, proxies),
                    new StartRedirectValve(catalogue, choice, startTarget, proxies));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
