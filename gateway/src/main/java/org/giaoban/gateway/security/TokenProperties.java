package org.giaoban.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.giaoban.platform.security.CachingJwtDecoder;

/**
 * @param issuer                 the {@code iss} of every token (the gateway's public address); services check it
 * @param audience               the {@code aud} of every token; services check it
 * @param timeToLive             how long an access token is valid
 * @param verifiedTokenLifetime  how long a token that verified here is taken as verified (its claims are checked at
 *                               every use, its signature not; zero: every use is verified), see {@link CachingJwtDecoder}
 * @param verifiedTokenCacheSize how many verified tokens are remembered at most
 */
@ConfigurationProperties("giaoban.tokens")
public record TokenProperties(String issuer, String audience, Duration timeToLive, Duration verifiedTokenLifetime,
                              Integer verifiedTokenCacheSize) {

    public TokenProperties {
        verifiedTokenLifetime = verifiedTokenLifetime == null ? CachingJwtDecoder.DEFAULT_LIFETIME : verifiedTokenLifetime;
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? CachingJwtDecoder.DEFAULT_MAX_ENTRIES : verifiedTokenCacheSize;
    }
}
