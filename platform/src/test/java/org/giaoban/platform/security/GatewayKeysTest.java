package org.giaoban.platform.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The services' token decoder and the gateway's JWKS (a stand-in on a local port counting its requests): a token with
 * a key id nobody published is refused without a new request to the gateway each time, yet a key published by a real
 * rotation is found.
 */
class GatewayKeysTest {

    private static final String ISSUER = "http://gateway.test";

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String jwks;
    private RSAKey first;
    private RSAKey second;

    @BeforeEach
    void gateway() throws IOException, JOSEException {
        first = new RSAKeyGenerator(2048).keyID("first-" + UUID.randomUUID()).generate();
        second = new RSAKeyGenerator(2048).keyID("second-" + UUID.randomUUID()).generate();
        publish(first);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void publish(RSAKey... keys) {
        jwks = new JWKSet(List.<JWK>of(keys).stream().map(JWK::toPublicJWK).toList()).toString();
    }

    private JwtDecoder decoder(Duration refetchInterval) {
        URI uri = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/oauth2/jwks");
        SecurityProperties properties = new SecurityProperties(ISSUER, "giaoban", uri, null, Duration.ZERO, null,
                refetchInterval, null);
        RevocationList nothingRevoked = new RevocationList("test", Map::of, Duration.ofSeconds(15), Duration.ofSeconds(45),
                Duration.ofSeconds(2), Clock.systemUTC());
        return new ResourceServerConfiguration().jwtDecoder(properties, nothingRevoked);
    }

    @Test
    void madeUpKeyIdsDoNotMakeEveryTokenARequestToTheGateway() throws JOSEException {
        JwtDecoder decoder = decoder(Duration.ofSeconds(60));
        assertThat(decoder.decode(token(first)).getSubject()).isEqualTo("alice");
        assertThat(fetches.get()).isEqualTo(1);

        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        for (int i = 0; i < 50; i++) {
            String madeUp = token(stranger, "made-up-" + i);
            assertThatThrownBy(() -> decoder.decode(madeUp)).isInstanceOf(BadJwtException.class);
        }
        // The first fetch and at most two more per interval, not one per made-up key id.
        assertThat(fetches.get()).isBetween(1, 3);
        assertThat(decoder.decode(token(first)).getSubject()).isEqualTo("alice");
    }

    @Test
    void aKeyPublishedByARealRotationIsFoundEvenDuringAFloodOfMadeUpOnes() throws JOSEException {
        JwtDecoder decoder = decoder(Duration.ofSeconds(1));
        decoder.decode(token(first));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("made-up").generate();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> decoder.decode(token(stranger))).isInstanceOf(BadJwtException.class);
        }
        publish(first, second);
        String rotated = token(second);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> "alice".equals(decoder.decode(rotated).getSubject()));
        assertThat(fetches.get()).isLessThan(10);
    }

    private static String token(RSAKey key) {
        return token(key, key.getKeyID());
    }

    private static String token(RSAKey key, String keyId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice").issuer(ISSUER).audience("giaoban")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of("OPERATOR")).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
