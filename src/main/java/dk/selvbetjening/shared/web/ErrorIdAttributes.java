package dk.selvbetjening.shared.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Gives every error an id that the error page shows and the log records next to the cause, so a
 * citizen can quote it and we can find it — without the page ever showing what went wrong inside. The id is the
 * request's own ({@link RequestId}), so it also finds every other log line of that request.
 */
@Component
class ErrorIdAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ErrorIdAttributes.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        String errorId = request.getAttribute(RequestId.ATTRIBUTE, WebRequest.SCOPE_REQUEST) instanceof String id
                ? id : RequestId.generate();
        attributes.put("errorId", errorId);
        Object status = attributes.get("status");
        if (status instanceof Integer code && code >= 500) {
            Throwable error = getError(request);
            log.error("Error id {} at {}", errorId, attributes.get("path"), error);
        }
        return attributes;
    }
}
