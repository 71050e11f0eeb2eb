package org.giaoban.gateway.keys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retiredKeyRetention how long a key replaced by a rotation stays in the JWKS (at least the token time-to-live)
 * @param refreshInterval     how often an instance rereads the keys, to see another instance's rotation
 */
@ConfigurationProperties("giaoban.keys")
public record KeyProperties(Duration retiredKeyRetention, Duration refreshInterval) {
}
