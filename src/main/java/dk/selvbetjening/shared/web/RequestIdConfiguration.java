package dk.selvbetjening.shared.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link RequestId} ahead of every other filter but the cached citizen pages' (which answers from memory at
 * the highest precedence and writes no log line), for requests and for the error page's dispatch.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdConfiguration {

    @Bean
    FilterRegistrationBean<RequestId> requestIdFilter() {
        FilterRegistrationBean<RequestId> registration = new FilterRegistrationBean<>(new RequestId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }
}
