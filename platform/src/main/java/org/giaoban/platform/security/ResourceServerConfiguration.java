package org.giaoban.platform.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server that checks the token itself (ARCHITECTURE.md rule 6): an RS256
 * signature by a key the gateway publishes, the issuer, the audience, an expiry that has not passed and a not-before
 * that has, and that the token was not revoked ({@link RevocationList}). The service's {@link AccessRules} then say who
 * may call what; anything they do not name needs a token.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerConfiguration {

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, ObjectProvider<AccessRules> rules, ObjectMapper json,
                                       @Value("${giaoban.api.base-path:}") String basePath) throws Exception {
        http.authorizeHttpRequests(routes -> {
                    routes.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            // Metrics tell how busy each cluster's rounds are: for operators and analysts (and the
                            // Prometheus that scrapes with such a client's token), not for anyone who can reach the port.
                            .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(Role.OPERATOR.name(), Role.ANALYST.name())
                            .requestMatchers(HttpMethod.GET, basePath + "/v3/api-docs",
                                    basePath + "/v3/api-docs/**", basePath + "/swagger-ui.html", basePath + "/swagger-ui/**", "/swagger-ui/**").permitAll()
                            .requestMatchers(basePath + "/admin/**", "/actuator/**").hasRole(Role.OPERATOR.name())
                            // Error dispatches carry the status already decided; they must not become 401s.
                            .requestMatchers("/error").permitAll();
                    rules.orderedStream().forEach(declared -> declared.declare(routes));
                    routes.anyRequest().authenticated();
                });
        BearerTokens.only(http, json);
        return http.build();
    }

    /** The gateway's revocation list, read every {@code giaoban.security.revocations.refresh-interval}. */
    @Bean(destroyMethod = "close")
    RevocationList revocationList(SecurityProperties properties, ObjectMapper json) {
        URI uri = properties.revocationsUri();
        return new RevocationList(uri.toString(), RevocationList.remote(uri, json),
                properties.revocations().refreshInterval(), properties.revocations().maxAge(),
                RevocationList.DEFAULT_RETRY_INTERVAL, Clock.systemUTC()).start();
    }

    /**
     * RS256 only (no {@code none}, no HMAC with a public key), keys from the gateway's JWKS ({@link #gatewayKeys}), then
     * issuer, audience, times and revocation. A token that verified is remembered for
     * {@code giaoban.security.verified-token-lifetime} (its claims and revocation checked again at each use, its
     * signature not): see {@link CachingJwtDecoder} for the trade-off.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, RevocationList revocations) {
        return CachingJwtDecoder.of(verifier(gatewayKeys(properties.jwkSetUri(), properties.jwksRefetchInterval())),
                TokenChecks.validator(properties.issuer(), properties.audience(), properties.clockSkew(), revocations),
                properties.verifiedTokenCacheSize(), properties.verifiedTokenLifetime());
    }

    /**
     * The gateway's published keys: fetched at the first token, kept five minutes, and fetched again when a token
     * names a key id not among them (a rotation needs no restart) — but at most twice per {@code refetchInterval}, so
     * that tokens with made-up key ids cannot make every request a request to the gateway. A token whose key id is
     * unknown while the limit holds finds no key and is refused (401) like any other unknown key; right after a real
     * rotation that can delay its first tokens by up to the interval, and only while someone floods unknown key ids.
     */
    static JWKSource<SecurityContext> gatewayKeys(URI jwkSetUri, Duration refetchInterval) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(jwkSetUri.toURL(), new DefaultResourceRetriever(2_000, 5_000, 51_200))
                    .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .rateLimited(refetchInterval.toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("giaoban.security.jwk-set-uri is not a URL: " + jwkSetUri, e);
        }
        return (selector, context) -> {
            try {
                return keys.get(selector, context);
            } catch (RateLimitReachedException e) {
                return List.of();
            }
        };
    }

    /** Verifies RS256 signatures by {@code keys}; the claims are left to the validators (Spring Security's errors). */
    static NimbusJwtDecoder verifier(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return new NimbusJwtDecoder(processor);
    }
}
