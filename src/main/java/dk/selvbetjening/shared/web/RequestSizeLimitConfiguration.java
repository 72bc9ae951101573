package dk.selvbetjening.shared.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** One {@link RequestSizeLimitFilter} for every {@link RequestSizeLimit} a module declares, on those paths only. */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimitConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ObjectProvider<RequestSizeLimit> declared,
            MessageSource messages, JsonMapper json) {
        List<RequestSizeLimit> limits = declared.orderedStream().toList();
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits, messages, json));
        limits.forEach(limit -> registration.addUrlPatterns(limit.path()));
        // Without a path a registration would match every request
        registration.setEnabled(!limits.isEmpty());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
