package org.giaoban.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server that checks the token itself (ARCHITECTURE.md rule 6): an RS256
 * signature by a key the gateway publishes, the issuer, the audience, an expiry that has not passed and a not-before
 * that has. The service's {@link AccessRules} then say who may call what; anything they do not name needs a token.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerConfiguration {

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, ObjectProvider<AccessRules> rules, ObjectMapper json,
                                       @Value("${giaoban.api.base-path:}") String basePath) throws Exception {
        http.authorizeHttpRequests(routes -> {
                    routes.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                    "/actuator/prometheus").permitAll()
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

    /**
     * RS256 only (no {@code none}, no HMAC with a public key), keys from the gateway's JWKS (fetched at the first
     * token, fetched again for an unknown key id, so a rotation needs no restart), then issuer, audience and times.
     * A token that verified is remembered for {@code giaoban.security.verified-token-lifetime} (its times, issuer and
     * audience checked again at each use, its signature not): see {@link CachingJwtDecoder} for the trade-off.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        return CachingJwtDecoder.of(verifier,
                TokenChecks.validator(properties.issuer(), properties.audience(), properties.clockSkew()),
                properties.verifiedTokenCacheSize(), properties.verifiedTokenLifetime());
    }
}
