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
 */
@ConfigurationProperties("giaoban.gateway")
public record EdgeProperties(@DefaultValue RateLimit rateLimit,
                             @DefaultValue("1MB") DataSize maxRequestSize,
                             @DefaultValue Cors cors) {

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
}
