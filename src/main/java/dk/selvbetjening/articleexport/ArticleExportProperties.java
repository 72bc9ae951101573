package dk.selvbetjening.articleexport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ArticleExport web service.
 *
 * @param baseUrl the portal's public address: articles' URLs and their links start with it
 * @param maxRequestSize the largest SOAP request taken (a request is a few hundred bytes; a long id list a few KB)
 */
@ConfigurationProperties(prefix = "selvbetjening.articleexport")
record ArticleExportProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("1MB") DataSize maxRequestSize) {

    ArticleExportProperties {
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }
}
