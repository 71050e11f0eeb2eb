package org.giaoban.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer     the {@code iss} of every token (the gateway's public address); services check it
 * @param audience   the {@code aud} of every token; services check it
 * @param timeToLive how long an access token is valid
 */
@ConfigurationProperties("giaoban.tokens")
public record TokenProperties(String issuer, String audience, Duration timeToLive) {
}
