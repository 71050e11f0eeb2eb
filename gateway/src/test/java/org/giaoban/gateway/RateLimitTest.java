package org.giaoban.gateway;


import org.giaoban.gateway.security.TokenProperties;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny rate limit (three requests, then one every 100 s) to see it bite: per token subject, else per address, the
 * token endpoint included. Tokens are made with the gateway's encoder, so that getting them takes nothing from the
 * address's bucket.
 */
@TestPropertySource(properties = {
        "giaoban.gateway.rate-limit.capacity=3",
        "giaoban.gateway.rate-limit.refill-per-second=0.01"})
class RateLimitTest extends EdgeTestBase {

    @Autowired
    JwtEncoder encoder;
    @Autowired
    TokenProperties tokenProperties;

    @Test
    void aClientOverItsLimitIs429WithRetryAfterAndOthersAreUnaffected() {
        Http alice = http.as(token("alice"));
        for (int i = 0; i < 3; i++) {
            assertThat(alice.get("/api/membership/clusters").status()).isEqualTo(201);
        }
        Http.Response limited = alice.get("/api/membership/clusters");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.code()).isEqualTo("rate-limited");
        assertThat(limited.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(90L, 100L));
        assertThat(limited.raw().headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(MEMBERSHIP.received).hasSize(3);
        // Limited on the gateway's own API too: it is the client that is limited, not a path.
        assertThat(alice.get("/api/accounts").status()).isEqualTo(429);

        // Another client from the same address has its own bucket. (The address's own bucket is the other test's.)
        assertThat(http.as(token("bob")).get("/api/news/articles").status()).isEqualTo(201);
        assertThat(NEWS.received).hasSize(1);
    }

    @Test
    void withoutAValidTokenTheAddressIsTheClientAndTheTokenEndpointCounts() {
        // The address's bucket (three) is shared by anonymous calls, invalid tokens and token requests.
        assertThat(tokens.request("operator", "operator-dev-secret").status()).isEqualTo(200);
        assertThat(http.as("not-a-token").get("/api/competition/rounds").status()).isEqualTo(401);
        assertThat(http.get("/api/competition/rounds").status()).isEqualTo(201);

        Http.Response limited = tokens.request("operator", "operator-dev-secret");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate-limited");
        assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(http.get("/api/competition/rounds").status()).isEqualTo(429);
        assertThat(COMPETITION.received).hasSize(1);

        // A valid token is its own client, whatever the address.
        assertThat(http.as(token("carol")).get("/api/competition/rounds").status()).isEqualTo(201);
    }

    private String token(String subject) {
        return GatewayTokens.operator(encoder, tokenProperties, subject);
    }
}
