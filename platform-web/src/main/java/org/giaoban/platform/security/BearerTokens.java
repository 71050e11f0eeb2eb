package org.giaoban.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The filter chain's part that the gateway and the services share: bearer tokens checked by the chain's
 * {@code JwtDecoder} and read by {@link TokenChecks#authentication()}, refusals as problem+json ({@link Refusals}),
 * and nothing else — no cookies, sessions, saved requests, Basic or form login.
 */
public final class BearerTokens {

    private BearerTokens() {
    }

    public static HttpSecurity only(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenChecks.authentication()))
                        .authenticationEntryPoint(Refusals.unauthenticated(json))
                        .accessDeniedHandler(Refusals.forbidden(json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(Refusals.unauthenticated(json))
                        .accessDeniedHandler(Refusals.forbidden(json)))
                // Bearer tokens only, no cookies: nothing for CSRF to protect, no session to keep.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }
}
