package org.giaoban.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@code X-Correlation-Id} (or makes one), returns it on the response and keeps it in the MDC for
 * the request, from where commands and their events pick it up. Ids that could forge log lines are replaced.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String correlationId = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        response.setHeader(HEADER, correlationId);
        MDC.put(RequestContext.CORRELATION_ID, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestContext.CORRELATION_ID);
        }
    }
}
