package org.giaoban.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acts and under which correlation id, for the request being handled. The actor is the authenticated principal
 * (the JWT subject once tokens are checked) or {@value #ANONYMOUS}.
 */
public final class RequestContext {

    public static final String ANONYMOUS = "anonymous";
    /** MDC key, so every log line of a request names its correlation id. */
    public static final String CORRELATION_ID = "correlationId";

    private RequestContext() {
    }

    public static String actor() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (request.getUserPrincipal() != null && request.getUserPrincipal().getName() != null) {
                return request.getUserPrincipal().getName();
            }
        }
        return ANONYMOUS;
    }

    /** The correlation id of the current request or message, if any. */
    public static String correlationId() {
        return MDC.get(CORRELATION_ID);
    }
}
