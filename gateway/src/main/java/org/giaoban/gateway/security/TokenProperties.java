package org.giaoban.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.giaoban.platform.security.CachingJwtDecoder;

/**
 * @param issuer                 the {@code iss} of every token (the gateway's public address); services check it
 * @param audience               the {@code aud} of every token; services check it
 * @param timeToLive             how long a machine client's access token is valid
 * @param personTimeToLive       how long a person's access token is valid (the console refreshes it)
 * @param personRefreshTimeToLive how long a person's refresh token is valid; each refresh gives a new one (rotation)
 * @param verifiedTokenLifetime  how long a token that verified here is taken as verified (its claims are checked at
 *                               every use, its signature not; zero: every use is verified), see {@link CachingJwtDecoder}
 * @param verifiedTokenCacheSize how many verified tokens are remembered at most
 */
@ConfigurationProperties("giaoban.tokens")
public record TokenProperties(String issuer, String audience, Duration timeToLive, Duration personTimeToLive,
                              Duration personRefreshTimeToLive, Duration verifiedTokenLifetime,
                              Integer verifiedTokenCacheSize) {

    public TokenProperties {
        personTimeToLive = personTimeToLive == null ? Duration.ofMinutes(15) : personTimeToLive;
        personRefreshTimeToLive = personRefreshTimeToLive == null ? Duration.ofHours(8) : personRefreshTimeToLive;
        verifiedTokenLifetime = verifiedTokenLifetime == null ? CachingJwtDecoder.DEFAULT_LIFETIME : verifiedTokenLifetime;
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? CachingJwtDecoder.DEFAULT_MAX_ENTRIES : verifiedTokenCacheSize;
    }

    /** The longest an access token of anyone lives: how long a revocation must be kept. */
    public Duration longestTimeToLive() {
        return timeToLive.compareTo(personTimeToLive) >= 0 ? timeToLive : personTimeToLive;
    }
}
