package org.giaoban.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway refuses before anything is routed or handled: too many requests from one client, bodies that are
 * too large, and browser calls from origins it does not know.
 *
 * @param rateLimit      a token bucket per client
 * @param maxRequestSize the largest request body accepted, declared ({@code Content-Length}) or streamed (chunked)
 * @param cors           the browser origins allowed to call the API
 * @param tokenLockout   failed client authentications at the token endpoint, per client id and per address
 */
@ConfigurationProperties("giaoban.gateway")
public record EdgeProperties(@DefaultValue RateLimit rateLimit,
                             @DefaultValue("1MB") DataSize maxRequestSize,
                             @DefaultValue Cors cors,
                             @DefaultValue TokenLockout tokenLockout) {

    public EdgeProperties {
        if (maxRequestSize.toBytes() < 0 || maxRequestSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("giaoban.gateway.max-request-size must be between 0 and 2GB");
        }
    }

    /**
     * A bucket of {@code capacity} requests per client (the token's subject, or else the client address), refilled
     * with {@code refillPerSecond} requests a second. Generous by default: it stops floods, not busy clients.
     *
     * @param maxClients how many clients are remembered at most; idle ones are forgotten first
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("2000") long capacity,
                            @DefaultValue("1000") double refillPerSecond,
                            @DefaultValue("100000") int maxClients) {

        public RateLimit {
            if (capacity < 1 || !(refillPerSecond > 0) || maxClients < 1) {
                throw new IllegalArgumentException(
                        "giaoban.gateway.rate-limit: capacity and max-clients must be at least 1, refill-per-second above 0");
            }
        }
    }

    /**
     * @param allowedOrigins origins (scheme, host and port, e.g. {@code https://giaoban.example.org}) whose pages may
     *                       call the API from a browser; none by default
     */
    public record Cors(@DefaultValue List<String> allowedOrigins,
                       @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
                       @DefaultValue({"Authorization", "Content-Type", "Accept", "Accept-Language", "X-Correlation-Id"})
                       List<String> allowedHeaders,
                       @DefaultValue({"X-Correlation-Id", "Retry-After", "Location", "WWW-Authenticate"})
                       List<String> exposedHeaders,
                       @DefaultValue("PT1H") Duration maxAge) {

        public Cors {
            // An empty environment variable binds as one blank origin: it means none.
            allowedOrigins = allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        }
    }

    /**
     * Failed client authentications at the token endpoint (401) are counted per client id and per client address. The
     * first failures of a key cost nothing more; from the {@code clientFreeFailures}-th (or {@code addressFreeFailures}-th)
     * on, each locks the key for twice as long as the one before, from {@code firstLock} up to {@code longestLock}: any
     * request for a locked key is answered 429 with {@code Retry-After} and its secret is not even compared. A success
     * clears its client id (not its address, or one valid account would reset the count of a guesser's address); a
     * key without failure for {@code forgetAfter} is forgotten. An address counts more failures before it locks, as
     * clients behind one proxy share it.
     *
     * @param maxKeys how many client ids and addresses are remembered at most (the least recent go first)
     */
    public record TokenLockout(@DefaultValue("true") boolean enabled,
                               @DefaultValue("5") int clientFreeFailures,
                               @DefaultValue("20") int addressFreeFailures,
                               @DefaultValue("PT1S") Duration firstLock,
                               @DefaultValue("PT15M") Duration longestLock,
                               @DefaultValue("PT1H") Duration forgetAfter,
                               @DefaultValue("100000") int maxKeys) {

        public TokenLockout {
            if (clientFreeFailures < 1 || addressFreeFailures < 1 || maxKeys < 1 || firstLock.isNegative() || firstLock.isZero()
                    || longestLock.compareTo(firstLock) < 0 || forgetAfter.compareTo(longestLock) < 0) {
                throw new IllegalArgumentException("giaoban.gateway.token-lockout: free failures and max-keys at least 1,"
                        + " 0 < first-lock <= longest-lock <= forget-after");
            }
        }
    }
}
