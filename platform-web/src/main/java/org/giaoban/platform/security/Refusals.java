package org.giaoban.platform.security;

import java.security.Principal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import org.giaoban.platform.problem.Problems;
import org.giaoban.platform.web.RequestContext;

/**
 * 401 and 403 as problem+json like every other refusal, at the gateway and in every service alike, after Spring
 * Security's bearer-token handlers have set the {@code WWW-Authenticate} header RFC 6750 asks for; each one is a line
 * of the {@link SecurityLog}.
 */
public final class Refusals {

    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String UNAUTHENTICATED_DETAIL = "This needs a valid bearer token (POST /oauth2/token at the gateway).";
    public static final String INVALID_TOKEN = "invalid-token";
    public static final String FORBIDDEN = "forbidden";
    public static final String FORBIDDEN_DETAIL = "The token's role or scope does not allow this.";
    public static final String REVOCATIONS_UNAVAILABLE = "revocations-unavailable";

    private Refusals() {
    }

    public static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            if (revocationsUnavailable(exception)) {
                // Not the token's fault: a later try may pass. The revocation list logs the outage itself.
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                Problems.write(json, request, response, HttpStatus.SERVICE_UNAVAILABLE, REVOCATIONS_UNAVAILABLE,
                        "Tokens cannot be checked against revocations now; try again shortly.");
                return;
            }
            bearer.commence(request, response, exception);
            boolean tokenGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            logUnauthenticated(request, tokenGiven ? INVALID_TOKEN : UNAUTHENTICATED, exception.getMessage());
            Problems.write(json, request, response, HttpStatus.UNAUTHORIZED, tokenGiven ? INVALID_TOKEN : UNAUTHENTICATED,
                    tokenGiven ? "The bearer token is not valid here: wrong signature, issuer or audience, or expired." : UNAUTHENTICATED_DETAIL);
        };
    }

    public static AccessDeniedHandler forbidden(ObjectMapper json) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            logForbidden(request, exception.getMessage());
            Problems.write(json, request, response, HttpStatus.FORBIDDEN, FORBIDDEN, FORBIDDEN_DETAIL);
        };
    }

    /** The token failed only because the revocation list is out of date ({@link RevocationList}). */
    static boolean revocationsUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                // Only then: a token that is also expired, say, is refused as such.
                return !invalid.getErrors().isEmpty() && invalid.getErrors().stream()
                        .allMatch(error -> RevocationList.UNAVAILABLE_CODE.equals(error.getErrorCode()));
            }
        }
        return false;
    }

    /** The security log line of a 401: {@code reason} is the problem's code, {@code detail} what the check said. */
    public static void logUnauthenticated(HttpServletRequest request, String reason, String detail) {
        SecurityLog.info(SecurityLog.AUTHENTICATION_FAILED, request, "status", "401", "actor", RequestContext.ANONYMOUS,
                "reason", reason, "detail", detail);
    }

    /** The security log line of a 403, naming the token's subject. */
    public static void logForbidden(HttpServletRequest request, String detail) {
        Principal principal = request.getUserPrincipal();
        SecurityLog.info(SecurityLog.ACCESS_DENIED, request, "status", "403",
                "actor", principal == null ? RequestContext.ANONYMOUS : principal.getName(), "reason", FORBIDDEN, "detail", detail);
    }
}
