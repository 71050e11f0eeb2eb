package org.giaoban.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import org.giaoban.platform.problem.Problems;

/**
 * 401 and 403 as problem+json like every other refusal, at the gateway and in every service alike, after Spring
 * Security's bearer-token handlers have set the {@code WWW-Authenticate} header RFC 6750 asks for.
 */
public final class Refusals {

    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String UNAUTHENTICATED_DETAIL = "This needs a valid bearer token (POST /oauth2/token at the gateway).";
    public static final String INVALID_TOKEN = "invalid-token";
    public static final String FORBIDDEN = "forbidden";
    public static final String FORBIDDEN_DETAIL = "The token's role or scope does not allow this.";

    private Refusals() {
    }

    public static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            boolean tokenGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            Problems.write(json, response, HttpStatus.UNAUTHORIZED, tokenGiven ? INVALID_TOKEN : UNAUTHENTICATED,
                    tokenGiven ? "The bearer token is not valid here: wrong signature, issuer or audience, or expired." : UNAUTHENTICATED_DETAIL);
        };
    }

    public static AccessDeniedHandler forbidden(ObjectMapper json) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            Problems.write(json, response, HttpStatus.FORBIDDEN, FORBIDDEN, FORBIDDEN_DETAIL);
        };
    }
}
