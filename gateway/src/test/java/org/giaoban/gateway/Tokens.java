package org.giaoban.gateway;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.giaoban.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Gets tokens from the gateway as a client would, and checks them as a service would: against the JWKS. */
final class Tokens {

    private final Http http;

    Tokens(Http http) {
        this.http = http;
    }

    Http.Response request(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    String of(String clientId, String secret) {
        Http.Response response = request(clientId, secret);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("access_token").asText();
    }

    /** The token's claims after its RS256 signature was verified with the key the JWKS names by its kid. */
    JWTClaimsSet verified(String token) {
        try {
            JWKSet keys = JWKSet.parse(http.get("/oauth2/jwks").body());
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as("key %s in the JWKS", jwt.getHeader().getKeyID()).isNotNull();
            assertThat(key.isPrivate()).isFalse();
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends a request with a bearer token. */
    static Http.Response withToken(Http http, String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request);
    }
}
