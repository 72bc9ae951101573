package dk.selvbetjening.articleexport;

import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.server.endpoint.AbstractEndpointExceptionResolver;
import org.springframework.ws.soap.SoapBody;
import org.springframework.ws.soap.SoapMessage;

/**
 * Every exception of the ArticleExport endpoint becomes a SOAP 1.1 fault, ahead of Spring WS's own resolvers (which
 * would put an exception's message in the fault): a refused request ({@link ArticleExportFault}) a {@code Client}
 * fault with its text, anything else a {@code Server} fault with an error id that is also in the log.
 */
class ArticleExportFaultResolver extends AbstractEndpointExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(ArticleExportFaultResolver.class);
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final MessageSource messages;

    ArticleExportFaultResolver(MessageSource messages) {
        this.messages = messages;
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected boolean resolveExceptionInternal(MessageContext messageContext, Object endpoint, Exception ex) {
        if (!(messageContext.getResponse() instanceof SoapMessage response)) {
            return false;
        }
        SoapBody body = response.getSoapBody();
        if (ex instanceof ArticleExportFault fault) {
            body.addClientOrSenderFault(messages.getMessage(fault.key(), fault.arguments(), DANISH),
                    fault.english() ? Locale.ENGLISH : DANISH);
        } else {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            log.error("ArticleExport error id {}", errorId, ex);
            body.addServerOrReceiverFault(
                    messages.getMessage("articleexport.fault.unexpected", new Object[] {errorId}, DANISH), DANISH);
        }
        return true;
    }
}
