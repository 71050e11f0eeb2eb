package org.giaoban.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import org.giaoban.gateway.web.ProblemResponses;

/**
 * The gateway's 401 and 403 as problem+json with the codes the services use ({@code unauthenticated},
 * {@code invalid-token}, {@code forbidden}), after Spring Security's bearer-token handlers have set the
 * {@code WWW-Authenticate} header RFC 6750 asks for.
 */
final class Refusals {

    static final String UNAUTHENTICATED = "unauthenticated";
    static final String INVALID_TOKEN = "invalid-token";
    static final String FORBIDDEN = "forbidden";

    private Refusals() {
    }

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED, INVALID_TOKEN,
                        "The bearer token is not valid here: wrong signature or algorithm, issuer or audience, or expired.");
            } else {
                ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED,
                        "This needs a valid bearer token (POST /oauth2/token).");
            }
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            ProblemResponses.write(json, response, HttpStatus.FORBIDDEN, FORBIDDEN, "The token's role does not allow this.");
        };
    }
}
