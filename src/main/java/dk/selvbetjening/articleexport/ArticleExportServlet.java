package dk.selvbetjening.articleexport;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ws.soap.SoapMessageCreationException;
import org.springframework.ws.transport.http.MessageDispatcherServlet;
import org.springframework.ws.wsdl.WsdlDefinition;

/**
 * Spring Web Services' dispatcher on the one path of the service. WCF serves its WSDL on the service's own address
 * with {@code ?wsdl}, where Spring WS looks for {@code <name>.wsdl}: a GET with a {@code wsdl} query gets the WSDL;
 * a POST is a SOAP request. A body that is not a SOAP envelope SAAJ accepts (one with a DTD, which SOAP forbids and
 * SAAJ refuses before any entity is read) is answered 400 with a Client fault, not left to become a 500.
 */
class ArticleExportServlet extends MessageDispatcherServlet {

    private final transient WsdlDefinition wsdl;
    private final String notSoap;

    ArticleExportServlet(WsdlDefinition wsdl, String notSoap) {
        this.wsdl = wsdl;
        this.notSoap = notSoap;
    }

    @Override
    protected WsdlDefinition getWsdlDefinition(HttpServletRequest request) {
        String query = request.getQueryString();
        boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return get && query != null && query.toLowerCase(Locale.ROOT).matches("wsdl(=[^&]*)?(&.*)?") ? wsdl : null;
    }

    @Override
    protected void doService(HttpServletRequest request, HttpServletResponse response) throws Exception {
        try {
            super.doService(request, response);
        } catch (SoapMessageCreationException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/xml;charset=utf-8");
            response.getOutputStream().write(("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"da\">"
                    + notSoap.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</faultstring></s:Fault></s:Body></s:Envelope>")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
