package org.giaoban.platform.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks tokens ({@code giaoban.security.*}): the issuer and audience they must name, where the
 * gateway publishes its keys, the clock skew tolerated on {@code exp} and {@code nbf}, how long and how many
 * verified tokens are remembered ({@link CachingJwtDecoder}; a lifetime of zero verifies every use), how often an
 * unknown key id may make the service fetch the keys again, and where and how often the revocation list is read
 * ({@link RevocationList}).
 *
 * @param jwksRefetchInterval a token naming a key id the service does not know fetches the JWKS again, but at most
 *                            twice per this interval (a real rotation is still picked up; a flood of made-up key ids
 *                            does not become a flood of requests to the gateway)
 * @param revocations         the revocation list: {@code uri} (default: {@code revocations} beside the JWKS, i.e.
 *                            {@code /oauth2/revocations} of the gateway), {@code refresh-interval}, {@code max-age}
 */
@ConfigurationProperties("giaoban.security")
public record SecurityProperties(String issuer, String audience, URI jwkSetUri, Duration clockSkew,
                                 Duration verifiedTokenLifetime, Integer verifiedTokenCacheSize,
                                 Duration jwksRefetchInterval, Revocations revocations) {

    public static final Duration DEFAULT_JWKS_REFETCH_INTERVAL = Duration.ofSeconds(10);

    public SecurityProperties {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank() || jwkSetUri == null) {
            throw new IllegalStateException("giaoban.security.issuer, .audience and .jwk-set-uri must be set");
        }
        clockSkew = clockSkew == null ? TokenChecks.DEFAULT_CLOCK_SKEW : clockSkew;
        verifiedTokenLifetime = verifiedTokenLifetime == null ? CachingJwtDecoder.DEFAULT_LIFETIME : verifiedTokenLifetime;
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? CachingJwtDecoder.DEFAULT_MAX_ENTRIES : verifiedTokenCacheSize;
        jwksRefetchInterval = jwksRefetchInterval == null ? DEFAULT_JWKS_REFETCH_INTERVAL : jwksRefetchInterval;
        revocations = revocations == null ? new Revocations(null, null, null) : revocations;
    }

    /** Where the revocation list is read: the configured address, else {@code revocations} beside the JWKS. */
    public URI revocationsUri() {
        return revocations.uri() != null && !revocations.uri().toString().isBlank() ? revocations.uri()
                : jwkSetUri.resolve("revocations");
    }

    public record Revocations(URI uri, Duration refreshInterval, Duration maxAge) {

        public Revocations {
            refreshInterval = refreshInterval == null ? RevocationList.DEFAULT_REFRESH_INTERVAL : refreshInterval;
            maxAge = maxAge == null ? RevocationList.DEFAULT_MAX_AGE : maxAge;
        }
    }
}
