package org.giaoban.testsupport.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * The negative token suite of the gateway issue: tokens an attacker or a broken client could present, each of which
 * a service (and the gateway) must answer with 401. All of them carry an OPERATOR role, so only the token check can
 * stop them.
 */
public final class ForgedTokens {

    private final RSAKey key;
    private final String issuer;
    private final String audience;

    /** @param key the real signing key (with its private part) of whoever the checker trusts */
    public ForgedTokens(RSAKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Forged against the {@link TestIssuer} that service tests trust. */
    public static ForgedTokens ofTestIssuer() {
        return new ForgedTokens(TestIssuer.get().key(), TestIssuer.ISSUER, TestIssuer.AUDIENCE);
    }

    /** A valid token, for the control case: the same claims, properly signed. */
    public String valid() {
        return rs256(claims(Instant.now()).build(), key, key.getKeyID());
    }

    /** Each forgery by name, in a stable order. */
    public Map<String, String> all() {
        Instant now = Instant.now();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", new PlainJWT(claims(now).build()).serialize());
        forged.put("HS256 signed with the public key", hs256WithPublicKey(claims(now).build()));
        forged.put("expired", rs256(claims(now.minusSeconds(7200)).expirationTime(Date.from(now.minusSeconds(3600))).build(), key, key.getKeyID()));
        forged.put("not yet valid", rs256(claims(now).notBeforeTime(Date.from(now.plusSeconds(3600))).build(), key, key.getKeyID()));
        forged.put("wrong issuer", rs256(claims(now).issuer("https://evil.example.org").build(), key, key.getKeyID()));
        forged.put("wrong audience", rs256(claims(now).audience("someone-else").build(), key, key.getKeyID()));
        forged.put("tampered payload", tampered());
        forged.put("unknown key id", unknownKey(claims(now).build()));
        forged.put("no expiry", rs256(claims(now).expirationTime(null).build(), key, key.getKeyID()));
        // Revocation voids a client's tokens issued before an instant: a token without an issue time must not escape it.
        forged.put("no issued-at", rs256(claims(now).issueTime(null).build(), key, key.getKeyID()));
        return forged;
    }

    private JWTClaimsSet.Builder claims(Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .subject("mallory")
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("OPERATOR"))
                .claim("clusters", List.of("tay-bac"));
    }

    /** A real token of a DELEGATE whose payload is then rewritten to claim OPERATOR, keeping the signature. */
    private String tampered() {
        String genuine = rs256(claims(Instant.now()).claim("roles", List.of("DELEGATE")).build(), key, key.getKeyID());
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"DELEGATE\"", "\"OPERATOR\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** The classic key-confusion attack: an HMAC whose secret is the RSA public key a verifier may hold. */
    private String hs256WithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by a key nobody published, under a key id nobody knows. */
    private String unknownKey(JWTClaimsSet claims) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
            return rs256(claims, stranger, stranger.getKeyID());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(JWTClaimsSet claims, RSAKey key, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
