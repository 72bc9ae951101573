package dk.selvbetjening.articleexport;

import java.util.Locale;

import dk.selvbetjening.shared.web.RequestSizeLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.ws.config.annotation.EnableWs;
import org.springframework.ws.wsdl.wsdl11.SimpleWsdl11Definition;

/**
 * The SOAP service at {@link #PATH}: Spring Web Services ({@code @EnableWs}, which also keeps Boot's own
 * {@code /services/*} dispatcher away) on its own servlet, mapped to that one path. Requests are capped at
 * {@code selvbetjening.articleexport.max-request-size} before they are read; the path is excluded from CSRF
 * ({@code account.SecurityConfiguration}): it is public, read-only and keeps no session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWs
@EnableConfigurationProperties(ArticleExportProperties.class)
class ArticleExportConfiguration {

    /** The service's path: borger.dk's, so that clients need change only the host name. */
    static final String PATH = "/_vti_bin/borger/ArticleExport.svc";

    @Bean
    ServletRegistrationBean<ArticleExportServlet> articleExportServlet(ApplicationContext context,
            MessageSource messages) {
        ArticleExportServlet servlet = new ArticleExportServlet(
                new SimpleWsdl11Definition(new ClassPathResource("articleexport/ArticleExport.wsdl")),
                messages.getMessage("articleexport.fault.notSoap", null, Locale.forLanguageTag("da")));
        servlet.setApplicationContext(context);
        // Like WCF, the WSDL names the address it was fetched from (behind a proxy: the forwarded one)
        servlet.setTransformWsdlLocations(true);
        ServletRegistrationBean<ArticleExportServlet> registration = new ServletRegistrationBean<>(servlet, PATH);
        registration.setName("articleExport");
        return registration;
    }

    @Bean
    ArticleExportFaultResolver articleExportFaultResolver(MessageSource messages) {
        return new ArticleExportFaultResolver(messages);
    }

    @Bean
    RequestSizeLimit articleExportRequestSizeLimit(ArticleExportProperties properties) {
        return RequestSizeLimit.problem(PATH, properties.maxRequestSize().toBytes(),
                "articleexport.requestTooLarge.title", "articleexport.requestTooLarge.detail");
    }
}
