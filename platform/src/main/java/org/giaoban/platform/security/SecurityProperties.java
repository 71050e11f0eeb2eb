package org.giaoban.platform.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks tokens ({@code giaoban.security.*}): the issuer and audience they must name, where the
 * gateway publishes its keys, the clock skew tolerated on {@code exp} and {@code nbf}, and how long and how many
 * verified tokens are remembered ({@link CachingJwtDecoder}; a lifetime of zero verifies every use).
 */
@ConfigurationProperties("giaoban.security")
public record SecurityProperties(String issuer, String audience, URI jwkSetUri, Duration clockSkew,
                                 Duration verifiedTokenLifetime, Integer verifiedTokenCacheSize) {

    public SecurityProperties {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank() || jwkSetUri == null) {
            throw new IllegalStateException("giaoban.security.issuer, .audience and .jwk-set-uri must be set");
        }
        clockSkew = clockSkew == null ? TokenChecks.DEFAULT_CLOCK_SKEW : clockSkew;
        verifiedTokenLifetime = verifiedTokenLifetime == null ? CachingJwtDecoder.DEFAULT_LIFETIME : verifiedTokenLifetime;
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? CachingJwtDecoder.DEFAULT_MAX_ENTRIES : verifiedTokenCacheSize;
    }
}
