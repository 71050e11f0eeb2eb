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
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.giaoban.gateway.accounts.Accounts;
import org.giaoban.gateway.accounts.Revocations;
import org.giaoban.gateway.edge.TokenEndpointGuard;
import org.giaoban.gateway.keys.SigningKeys;
import org.giaoban.gateway.people.People;
import org.giaoban.gateway.people.PersonSessions;
import org.giaoban.platform.security.BearerTokens;
import org.giaoban.platform.security.CachingJwtDecoder;
import org.giaoban.platform.security.TokenChecks;

/**
 * Three filter chains. First, Spring Authorization Server's endpoints that Giao Ban uses: the token endpoint
 * ({@code client_credentials} for machine clients with HTTP Basic; {@code authorization_code} with PKCE and
 * {@code refresh_token} for the console), the JWKS, the authorization endpoint (a browser without a sign-in session is
 * sent to the sign-in page, and comes back to the same request after signing in) and OpenID Connect's RP-initiated
 * logout ({@code /connect/logout}). Second, the sign-in page ({@code org.giaoban.gateway.people.SignInConfiguration}).
 * Third, everything else as an OAuth2 resource server that checks tokens exactly as the services do (RS256 only,
 * issuer, audience, expiry, revocation). The other endpoints of Spring Authorization Server (device authorization,
 * pushed authorization requests, token revocation and introspection, user info, client registration) are not in the
 * first chain, so nothing answers them (404), and the metadata ({@link AuthorizationServerMetadata}) advertises only
 * what works. Token revocation is by subject, not by token: deleting an account or giving it a new secret, and
 * disabling a person, resetting their password or deleting them, voids their tokens
 * ({@link org.giaoban.gateway.accounts.Revocations}).
 *
 * <p>The gateway's own API needs an OPERATOR token; its metrics an OPERATOR or ANALYST one. Routed requests pass with
 * or without a token (each service decides what needs one, ARCHITECTURE.md rule 6), but a token that is there must be
 * valid, and it is relayed as it came.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String TOKEN_ENDPOINT = "/oauth2/token";
    static final String JWKS_ENDPOINT = "/oauth2/jwks";
    static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";
    static final String LOGOUT_ENDPOINT = "/connect/logout";
    static final String SIGN_IN_PAGE = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, ClientSecretCheck secrets, PersonSessions sessions,
                                            OAuth2AuthorizationService authorizations, RegisteredClientRepository registered,
                                            ObjectMapper json, SigningKeys keys, TokenProperties tokens, JdbcTemplate jdbc)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher authorize = new OrRequestMatcher(paths.matcher(HttpMethod.GET, AUTHORIZATION_ENDPOINT),
                paths.matcher(HttpMethod.POST, AUTHORIZATION_ENDPOINT));
        RequestMatcher used = new OrRequestMatcher(paths.matcher(HttpMethod.POST, TOKEN_ENDPOINT),
                paths.matcher(HttpMethod.GET, JWKS_ENDPOINT), authorize,
                paths.matcher(HttpMethod.GET, LOGOUT_ENDPOINT), paths.matcher(HttpMethod.POST, LOGOUT_ENDPOINT));
        AuthenticationFailureHandler standardErrors = new OAuth2ErrorAuthenticationFailureHandler();
        // Only authorization requests are kept for after the sign-in: nothing else here makes a session.
        HttpSessionRequestCache authorizationRequests = new HttpSessionRequestCache();
        authorizationRequests.setRequestMatcher(paths.matcher(HttpMethod.GET, AUTHORIZATION_ENDPOINT));
        authorizationRequests.setMatchingRequestParameterName(null);
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
                        }))
                        .oidc(oidc -> oidc.logoutEndpoint(logout -> logout
                                .authenticationProviders(providers -> {
                                    providers.clear();
                                    providers.add(new LogoutRequests(idTokens(keys, tokens), registered));
                                })
                                .logoutResponseHandler(new ConsoleLogout(authorizations, jdbc)))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE), authorize))
                .requestCache(cache -> cache.requestCache(authorizationRequests))
                // OpenID Connect brings a resource server for its user info endpoint, which is not offered: no bearer
                // token is read here (a token must never stand in for a person's sign-in at the authorization endpoint).
                .oauth2ResourceServer(server -> server.bearerTokenResolver(request -> null))
                .addFilterAfter(sessions.filter(authorize), SecurityContextHolderFilter.class)
                .addFilterBefore(new AuthorizationRequestGuard(authorize, registered, json), SecurityContextHolderFilter.class)
                // Machine clients authenticate on every call, the console with its secret: nothing for CSRF to protect.
                .csrf(csrf -> csrf.ignoringRequestMatchers(used));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/accounts", "/api/accounts/**", "/api/users", "/api/users/**", "/api/keys/**")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole("OPERATOR", "ANALYST")
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .anyRequest().permitAll());
        BearerTokens.only(http, json);
        return http.build();
    }

    /** ID tokens as the logout endpoint checks them: a gateway key's RS256 signature and the issuer, expired or not. */
    private static JwtDecoder idTokens(SigningKeys keys, TokenProperties tokens) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.publishedSource()));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new JwtIssuerValidator(tokens.issuer()));
        return decoder;
    }

    /**
     * Tells OpenID Connect's session registry (Spring Authorization Server's, which names sign-in sessions in ID tokens as
     * {@code sid}) when a session ends, so that it forgets it.
     */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
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
    OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new Authorizations(jdbc, clients);
    }

    /** {bcrypt} by default, and still able to read any other encoding Spring Security knows. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(Accounts accounts, People people, TokenProperties tokens) {
        return new AccountClaims(accounts, people, tokens);
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
