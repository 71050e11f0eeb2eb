package org.giaoban.testsupport.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.giaoban.platform.security.RevocationList;

/**
 * Stands in for the gateway's authorization server in a service's tests: one RSA key per test JVM, published as a
 * JWKS over real HTTP, and RS256 tokens signed with it carrying the claims the gateway puts in its tokens; beside the
 * JWKS, a revocation list as the gateway publishes it ({@code /oauth2/revocations}, empty until a test
 * {@link #revoke}s a subject). The services check these tokens with their production decoder; {@link
 * org.giaoban.testsupport.RealInfrastructureInitializer} points them here.
 */
public final class TestIssuer {

    public static final String ISSUER = "http://issuer.test.giaoban";
    public static final String AUDIENCE = "giaoban";

    private static volatile TestIssuer instance;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey key;
    private final HttpServer server;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                answer(exchange, jwks.getBytes(StandardCharsets.UTF_8));
            });
            server.createContext("/oauth2/revocations", exchange ->
                    answer(exchange, JSON.writeValueAsBytes(RevocationList.Published.of(revoked))));
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "test-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIssuer get() {
        if (instance == null) {
            synchronized (TestIssuer.class) {
                if (instance == null) {
                    instance = new TestIssuer();
                }
            }
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/oauth2/jwks";
    }

    /**
     * Revokes the tokens of {@code subject} issued before {@code issuedBefore}, as the gateway does when an account is
     * deleted or given a new secret. Shared by every test of the JVM: revoke only subjects of your own.
     */
    public void revoke(String subject, Instant issuedBefore) {
        revoked.merge(subject, issuedBefore, (a, b) -> a.isAfter(b) ? a : b);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The signing key, private part included: for forging tokens in negative tests. */
    public RSAKey key() {
        return key;
    }

    /** Claims as the gateway issues them, valid for an hour from now. */
    public static JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles));
    }

    /** Signs {@code claims} with this JVM's key (RS256, its key id). */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key.getKeyID());
    }

    String sign(JWTClaimsSet claims, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
