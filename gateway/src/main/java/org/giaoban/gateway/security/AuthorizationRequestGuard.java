package org.giaoban.gateway.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import org.giaoban.platform.problem.Problems;

/**
 * Authorization requests only for clients registered for the {@code authorization_code} grant (the console). Spring
 * Authorization Server checks a known client's grant types before its redirect URI, and answers a refusal by
 * redirecting to the {@code redirect_uri} of the request — for a machine client, which has none registered, any address
 * the caller names (an open redirect), or a 500 when none is named. Such requests are refused here first: 400
 * {@value #CODE}, nothing redirected. (An unknown client id is refused by Spring Authorization Server itself without a
 * redirect.)
 */
final class AuthorizationRequestGuard extends OncePerRequestFilter {

    static final String CODE = "unauthorized-client";

    private final RequestMatcher endpoint;
    private final RegisteredClientRepository clients;
    private final ObjectMapper json;

    AuthorizationRequestGuard(RequestMatcher endpoint, RegisteredClientRepository clients, ObjectMapper json) {
        this.endpoint = endpoint;
        this.clients = clients;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpoint.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds != null && clientIds.length == 1 && !clientIds[0].isEmpty()) {
            RegisteredClient client = clients.findByClientId(clientIds[0]);
            if (client != null && !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
                Problems.write(json, response, HttpStatus.BAD_REQUEST, CODE,
                        "This client cannot use the authorization endpoint.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
