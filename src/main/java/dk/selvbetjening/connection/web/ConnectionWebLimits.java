package dk.selvbetjening.connection.web;

import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.shared.web.RequestSizeLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Word template uploaded on the public form (with the form's text) is refused over 6 MB before it is read; the
 * form then says so at the file field ({@link ActionPageTemplateUpload#tooLarge()}). A submission by API (JSON: the request and its whole action
 * page text, a few kilobytes) is refused over 2 MB with a Danish problem.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionWebLimits {

    static final long SUBMISSION_MAX_BYTES = 2L * 1024 * 1024;
    /**
     * The template is uploaded with the whole form, so everything typed comes back with the answer: room for the
     * form's text beside the file, and for a file somewhat over the limit, which is then refused at the file field
     * with the typed values kept ({@code ActionPageDocx} refuses it by its stated size without reading it).
     */
    static final long FORM_TEXT_MAX_BYTES = 1024L * 1024;

    @Bean
    RequestSizeLimit submissionSizeLimit() {
        return RequestSizeLimit.problem("/api/v1/connection-requests", SUBMISSION_MAX_BYTES,
                "connection.api.tooLarge.title", "connection.api.tooLarge.detail");
    }

    @Bean
    RequestSizeLimit templateUploadSizeLimit() {
        return RequestSizeLimit.page(ConnectionWebController.TEMPLATE_UPLOAD,
                ActionPageDocx.MAX_UPLOAD_BYTES + FORM_TEXT_MAX_BYTES);
    }
}
