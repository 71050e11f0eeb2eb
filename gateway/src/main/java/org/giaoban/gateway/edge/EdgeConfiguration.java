package org.giaoban.gateway.edge;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import org.giaoban.platform.problem.Problems;

/**
 * The refusals made at the door, as servlet filters in this order: the correlation id first (so every refusal carries
 * it), then CORS (so a browser can read the refusals that follow), the rate limit, the body size limit, the lockout of
 * the token endpoint; then Spring Security, the gateway's own endpoints and the routes. All of them come before
 * anything reads the body.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    static final String CORS_REFUSED = "origin-not-allowed";
    static final int CORS_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int RATE_LIMIT_ORDER = CORS_ORDER + 1;
    static final int REQUEST_SIZE_ORDER = CORS_ORDER + 2;
    static final int TOKEN_ENDPOINT_ORDER = CORS_ORDER + 3;

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(EdgeProperties properties, ObjectMapper json) {
        EdgeProperties.Cors cors = properties.cors();
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(cors.allowedOrigins());
            configuration.setAllowedMethods(cors.allowedMethods());
            configuration.setAllowedHeaders(cors.allowedHeaders());
            configuration.setExposedHeaders(cors.exposedHeaders());
            configuration.setMaxAge(cors.maxAge());
            // Bearer tokens, no cookies: nothing for a browser to send with credentials.
            configuration.setAllowCredentials(false);
            source.registerCorsConfiguration("/**", configuration);
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(json));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(CORS_ORDER);
        registration.setEnabled(!cors.allowedOrigins().isEmpty());
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(EdgeProperties properties, ObjectProvider<JwtDecoder> tokens,
                                                            ObjectMapper json) {
        EdgeProperties.RateLimit limit = properties.rateLimit();
        RateLimiter limiter = new RateLimiter(limit.capacity(), limit.refillPerSecond(), limit.maxClients(), System::nanoTime);
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, tokens.getObject(), json));
        registration.setOrder(RATE_LIMIT_ORDER);
        registration.setEnabled(limit.enabled());
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(EdgeProperties properties, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter((int) properties.maxRequestSize().toBytes(), json));
        registration.setOrder(REQUEST_SIZE_ORDER);
        return registration;
    }

    /** Always on: it writes the security log of the token endpoint; the lockout itself may be switched off. */
    @Bean
    FilterRegistrationBean<TokenEndpointGuard> tokenEndpointGuard(EdgeProperties properties, ObjectMapper json) {
        EdgeProperties.TokenLockout lockout = properties.tokenLockout();
        FilterRegistrationBean<TokenEndpointGuard> registration = new FilterRegistrationBean<>(
                new TokenEndpointGuard(new FailedAttempts(lockout, System::nanoTime), lockout, json));
        registration.setOrder(TOKEN_ENDPOINT_ORDER);
        return registration;
    }

    /** A call from an origin that is not allowed is a 403 problem+json like every other refusal. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final ObjectMapper json;

        ProblemCorsProcessor(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(json.writeValueAsBytes(Problems.body(HttpStatus.FORBIDDEN, CORS_REFUSED,
                    "This origin, method or header is not allowed to call the API from a browser.")));
            response.flush();
        }
    }
}
