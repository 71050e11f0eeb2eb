package org.giaoban.gateway;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.giaoban.gateway.security.TokenProperties;
import org.giaoban.platform.security.CachingJwtDecoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a proxied request with a token costs the gateway in token checks and observations: its token is verified once,
 * though both the rate limit and the security chain read it (one shared decoder that remembers verified tokens), and
 * not at all at the client's next request; Spring Security observes nothing of its own, the request is still observed.
 */
class TokenVerificationTest extends EdgeTestBase {

    /** The observation handler below stays registered in the shared context: it records only during its test. */
    private static final AtomicBoolean RECORDING = new AtomicBoolean();

    @Autowired
    JwtDecoder decoder;
    @Autowired
    JwtEncoder encoder;
    @Autowired
    TokenProperties tokenProperties;
    @Autowired
    ObservationRegistry observations;

    @Test
    void aRequestsTokenIsVerifiedOnceForTheRateLimitAndTheSecurityChainAndNotAgainAtTheNextRequest() {
        assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
        CachingJwtDecoder shared = (CachingJwtDecoder) decoder;
        String token = token("verified-once-" + UUID.randomUUID());
        long verifications = shared.verifications();
        long hits = shared.hits();

        assertThat(http.as(token).get("/api/membership/clusters").status()).isEqualTo(201);
        // Two readers of the token (the rate limit, then the security chain), one signature check.
        assertThat(shared.verifications() - verifications).isEqualTo(1);
        assertThat(shared.hits() - hits).isEqualTo(1);

        assertThat(http.as(token).get("/api/membership/clusters").status()).isEqualTo(201);
        assertThat(shared.verifications() - verifications).isEqualTo(1);
        assertThat(shared.hits() - hits).isEqualTo(3);
        assertThat(MEMBERSHIP.received).hasSize(2)
                .allSatisfy(received -> assertThat(received.authorization()).isEqualTo("Bearer " + token));
    }

    @Test
    void springSecurityObservesNothingOfItsOwnAndTheRequestIsStillObserved() {
        List<String> started = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                if (RECORDING.get()) {
                    started.add(context.getName());
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        RECORDING.set(true);
        try {
            assertThat(http.as(token("observed")).get("/api/membership/clusters").status()).isEqualTo(201);
            assertThat(http.as("not-a-token").get("/api/accounts").status()).isEqualTo(401);
        } finally {
            RECORDING.set(false);
        }
        assertThat(started).contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    private String token(String subject) {
        return GatewayTokens.operator(encoder, tokenProperties, subject);
    }
}
