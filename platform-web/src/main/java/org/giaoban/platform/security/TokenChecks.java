package org.giaoban.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
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

    /**
     * An expiry (required) that has not passed, a not-before that has, an issue time (required: revocations void the
     * tokens of a client issued before an instant, see {@link RevocationList}), the issuer, and the audience among
     * {@code aud}.
     */
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
                new JwtClaimValidator<Object>(JwtClaimNames.IAT, issuedAt -> issuedAt != null),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    }

    /**
     * Spring Security's conversion of the claims, without the issue time it makes up for a token that has none (its
     * {@code MappedJwtClaimSetConverter} puts {@code exp - 1 s} there): such a token would escape every revocation.
     * With this, {@link #validator} sees the {@code iat} the token carries, or none, and refuses the latter.
     */
    public static Converter<Map<String, Object>, Map<String, Object>> claimSetConverter() {
        MappedJwtClaimSetConverter spring = MappedJwtClaimSetConverter.withDefaults(Map.of());
        return claims -> {
            Map<String, Object> converted = spring.convert(claims);
            if (converted != null && claims.get(JwtClaimNames.IAT) == null) {
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        };
    }

    /** {@link #validator} and then {@code revocations}: a token of a client whose earlier tokens were revoked. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew,
                                                      OAuth2TokenValidator<Jwt> revocations) {
        return new DelegatingOAuth2TokenValidator<>(validator(issuer, audience, clockSkew), revocations);
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
