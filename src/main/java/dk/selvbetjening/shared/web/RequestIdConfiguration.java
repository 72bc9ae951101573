package dk.selvbetjening.shared.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link RequestId} ahead of every other filter but Spring's ForwardedHeaderFilter (at the highest precedence,
 * with {@code server.forward-headers-strategy=framework}) and the cached citizen pages' (which answers from memory right
 * after it and writes no log line), for requests and for the error page's dispatch.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdConfiguration {

    @Bean
    FilterRegistrationBean<RequestId> requestIdFilter() {
        FilterRegistrationBean<RequestId> registration = new FilterRegistrationBean<>(new RequestId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }
}
