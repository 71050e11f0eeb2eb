package org.giaoban.gateway;

import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import org.giaoban.gateway.keys.SigningKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway in front of one stub instance of each service, with a small body limit (1 KB) and one browser origin
 * allowed: what the refusals at the door are tested against. Subclasses share one application context, and the
 * stubs, which therefore live as long as the test JVM (a class stopping them would leave the next one without).
 */
@TestPropertySource(properties = {
        "giaoban.gateway.max-request-size=1KB",
        "giaoban.gateway.cors.allowed-origins=https://giaoban.example.org"})
abstract class EdgeTestBase extends GatewayTestBase {

    static final String ALLOWED_ORIGIN = "https://giaoban.example.org";
    static final StubService MEMBERSHIP = new StubService("membership");
    static final StubService COMPETITION = new StubService("competition");
    static final StubService NEWS = new StubService("news");

    @Autowired
    SigningKeys signingKeys;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "membership[0].uri", MEMBERSHIP::uri);
        registry.add(instances + "competition[0].uri", COMPETITION::uri);
        registry.add(instances + "news[0].uri", NEWS::uri);
    }

    @BeforeEach
    void forget() {
        MEMBERSHIP.received.clear();
        COMPETITION.received.clear();
        NEWS.received.clear();
    }

    /** What reached any service. */
    static List<StubService.Received> relayed() {
        return Stream.of(MEMBERSHIP, COMPETITION, NEWS).flatMap(stub -> stub.received.stream()).toList();
    }

    /** The key the gateway signs with now, private part included. */
    RSAKey activeSigningKey() {
        try {
            List<JWK> keys = signingKeys.signingSource().get(new JWKSelector(new JWKMatcher.Builder().build()), null);
            return (RSAKey) keys.get(0);
        } catch (KeySourceException e) {
            throw new IllegalStateException(e);
        }
    }
}
