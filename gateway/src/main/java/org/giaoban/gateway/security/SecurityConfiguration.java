package org.giaoban.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.giaoban.gateway.accounts.Accounts;
import org.giaoban.gateway.accounts.Revocations;
import org.giaoban.gateway.edge.TokenEndpointGuard;
import org.giaoban.gateway.keys.SigningKeys;
import org.giaoban.platform.security.BearerTokens;
import org.giaoban.platform.security.CachingJwtDecoder;
import org.giaoban.platform.security.TokenChecks;

/**
 * Two filter chains: Spring Authorization Server's endpoints that Giao Ban uses — the token endpoint
 * ({@code client_credentials}, HTTP Basic client authentication) and the JWKS — and everything else as an OAuth2
 * resource server that checks tokens exactly as the services do (RS256 only, issuer, audience, expiry, revocation). The
 * other endpoints of Spring Authorization Server (authorization, device, revocation, introspection, OpenID Connect) are
 * not in the first chain, so nothing answers them (404), and the metadata ({@link AuthorizationServerMetadata})
 * advertises only what works. Token revocation is by account, not by token: deleting an account or giving it a new
 * secret voids its tokens ({@link org.giaoban.gateway.accounts.Revocations}).
 *
 * <p>The gateway's own API needs an OPERATOR token; its metrics an OPERATOR or ANALYST one. Routed requests pass with
 * or without a token (each service decides what needs one, ARCHITECTURE.md rule 6), but a token that is there must be
 * valid, and it is relayed as it came.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String TOKEN_ENDPOINT = "/oauth2/token";
    static final String JWKS_ENDPOINT = "/oauth2/jwks";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, ClientSecretCheck secrets) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher used = new OrRequestMatcher(paths.matcher(HttpMethod.POST, TOKEN_ENDPOINT),
                paths.matcher(HttpMethod.GET, JWKS_ENDPOINT));
        AuthenticationFailureHandler standardErrors = new OAuth2ErrorAuthenticationFailureHandler();
        http.securityMatcher(used)
                .with(authorizationServer, server -> server
                        .clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.replaceAll(
                                provider -> provider instanceof ClientSecretAuthenticationProvider standard
                                        ? secrets.around(standard) : provider)))
                        // The refusal's OAuth2 error code, for the security log line of the token endpoint guard.
                        .tokenEndpoint(token -> token.errorResponseHandler((request, response, exception) -> {
                            if (exception instanceof OAuth2AuthenticationException oauth) {
                                request.setAttribute(TokenEndpointGuard.ERROR, oauth.getError().getErrorCode());
                            }
                            standardErrors.onAuthenticationFailure(request, response, exception);
                        })))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // Clients authenticate on every call; there is no browser session to protect.
                .csrf(csrf -> csrf.ignoringRequestMatchers(used))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/accounts", "/api/accounts/**", "/api/keys/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole("OPERATOR", "ANALYST")
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .anyRequest().permitAll());
        BearerTokens.only(http, json);
        return http.build();
    }

    @Bean
    ClientSecretCheck clientSecretCheck(RegisteredClientRepository clients, PasswordEncoder passwords) {
        return new ClientSecretCheck(clients, passwords);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(TokenProperties tokens) {
        return AuthorizationServerSettings.builder().issuer(tokens.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizations() {
        return new StatelessAuthorizations();
    }

    /** {bcrypt} by default, and still able to read any other encoding Spring Security knows. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(Accounts accounts, TokenProperties tokens) {
        return new AccountClaims(accounts, tokens);
    }

    /** Published at /oauth2/jwks: every key whose tokens may still be valid, public parts only. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.publishedSource();
    }

    /** Signs with the active key only (the JWKS may hold a retired one too). */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signingSource());
    }

    /**
     * The checks every service makes too: RS256 signature by a published key (no {@code none}, no HMAC), then
     * {@link TokenChecks#validator} (issuer, audience, a required expiry that has not passed, a not-before that has, an
     * issue time) and the revocations (made again at every use of a remembered token).
     * One decoder for the rate limit and the security chain, remembering the tokens that verified, so that a request's
     * token is verified at most once here (and a client's token once a {@code verified-token-lifetime}); forgotten all
     * at once when a key leaves the JWKS (see {@link CachingJwtDecoder} for the trade-off).
     */
    @Bean
    CachingJwtDecoder jwtDecoder(SigningKeys keys, TokenProperties tokens, Revocations revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.publishedSource()));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // Claims are checked by the validators below, with Spring Security's error reporting.
        });
        CachingJwtDecoder decoder = CachingJwtDecoder.of(new NimbusJwtDecoder(processor),
                TokenChecks.validator(tokens.issuer(), tokens.audience(), TokenChecks.DEFAULT_CLOCK_SKEW, revocations.list()),
                tokens.verifiedTokenCacheSize(), tokens.verifiedTokenLifetime());
        keys.whenKeysWithdrawn(decoder::forgetAll);
        return decoder;
    }
}
