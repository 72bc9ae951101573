package dk.selvbetjening.actionpage.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The import's size filter, on the import's path only. */
@Configuration(proxyBeanMethods = false)
class DocxWebConfiguration {

    @Bean
    FilterRegistrationBean<DocxUploadSizeFilter> docxUploadSizeFilter(MessageSource messages, JsonMapper json) {
        FilterRegistrationBean<DocxUploadSizeFilter> registration =
                new FilterRegistrationBean<>(new DocxUploadSizeFilter(messages, json));
        registration.addUrlPatterns(ActionPageDocxApiController.IMPORT);
        return registration;
    }
}
