package org.giaoban.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What the gateway and every service check in a token besides its RS256 signature, and how they read its roles: one
 * definition, so that a token the gateway lets through is one the services accept, and the other way round.
 */
public final class TokenChecks {

    /** The claim holding the client's roles (API.md "Tokens and roles"). */
    public static final String ROLES = "roles";
    /** Tolerated clock difference on {@code exp} and {@code nbf}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    private TokenChecks() {
    }

    /** An expiry (required) that has not passed, a not-before that has, the issuer, and the audience among {@code aud}. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        return validator(issuer, audience, clockSkew, Clock.systemUTC());
    }

    /** {@link #validator(String, String, Duration)} telling the time by {@code clock}. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew, Clock clock) {
        JwtTimestampValidator times = new JwtTimestampValidator(clockSkew);
        times.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                times,
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, expiry -> expiry != null),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    }

    /** The token's subject as the principal, its {@code roles} as {@code ROLE_*} authorities. */
    public static JwtAuthenticationConverter authentication() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        return authentication;
    }
}
