package dk.selvbetjening.connection.web;

import dk.selvbetjening.actionpage.ActionPageDocx;
import dk.selvbetjening.shared.web.RequestSizeLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Word template uploaded on the public form is refused over 5 MB before it is read; the form then says so at the
 * file field ({@link ActionPageTemplateUpload#tooLarge()}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionWebLimits {

    @Bean
    RequestSizeLimit templateUploadSizeLimit() {
        return RequestSizeLimit.page(ConnectionWebController.TEMPLATE_UPLOAD, ActionPageDocx.MAX_UPLOAD_BYTES);
    }
}
