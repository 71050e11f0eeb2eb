package org.giaoban.gateway;

import java.time.Duration;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.SecurityLogLines;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guessing secrets at the token endpoint: after a few failures a client id is locked for a while (429 with
 * Retry-After, its right secret refused too), longer after each further failure; a success clears it; each failure is
 * logged; other clients are not affected. (Small numbers here: three free failures, locks from 1 s to 4 s.)
 */
@TestPropertySource(properties = {
        "giaoban.gateway.token-lockout.client-free-failures=3",
        "giaoban.gateway.token-lockout.first-lock=PT1S",
        "giaoban.gateway.token-lockout.longest-lock=PT4S"})
class TokenLockoutTest extends GatewayTestBase {

    private static final String SECRET = "lockout-secret-12";

    @Test
    void failuresLockTheClientIdThenItsRightSecretWorksAgainAndClearsIt() {
        create("locked-client");
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            assertThat(tokens.request("locked-client", "wrong-guess-1").status()).isEqualTo(401);
            assertThat(tokens.request("locked-client", "wrong-guess-2").status()).isEqualTo(401);
            assertThat(tokens.request("locked-client", "wrong-guess-3").status()).isEqualTo(401);

            Http.Response locked = tokens.request("locked-client", SECRET);
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.contentType()).startsWith("application/problem+json");
            assertThat(locked.code()).isEqualTo("too-many-failed-attempts");
            assertThat(locked.raw().headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 4L));
            assertThat(locked.body()).doesNotContain("access_token");

            // Another client from the same address is not locked.
            create("unlocked-client");
            assertThat(tokens.request("unlocked-client", SECRET).status()).isEqualTo(200);

            assertThat(log.of("authentication-failed")).hasSize(3).allSatisfy(line -> assertThat(line)
                    .contains("clientId=locked-client", "status=401", "address=127.0.0.1", "path=/oauth2/token")
                    .doesNotContain("wrong-guess", SECRET));
            assertThat(log.of("token-endpoint-locked")).singleElement().asString().contains("clientId=locked-client");
        }

        // The lock ends by itself; the right secret then gets a token and clears the failures.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> tokens.request("locked-client", SECRET).status() == 200);
        assertThat(tokens.request("locked-client", "wrong-guess-4").status()).isEqualTo(401);
        assertThat(tokens.request("locked-client", "wrong-guess-5").status()).isEqualTo(401);
        assertThat(tokens.request("locked-client", SECRET).status()).as("two failures after a success: not locked").isEqualTo(200);
    }

    @Test
    void eachFurtherFailureLocksLongerUpToTheLongestLock() {
        create("slowed-client");
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.request("slowed-client", "wrong-guess").status()).isEqualTo(401);
        }
        long first = retryAfter(tokens.request("slowed-client", "wrong-guess"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> tokens.request("slowed-client", "wrong-guess").status() == 401);
        long second = retryAfter(tokens.request("slowed-client", "wrong-guess"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> tokens.request("slowed-client", "wrong-guess").status() == 401);
        long third = retryAfter(tokens.request("slowed-client", "wrong-guess"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> tokens.request("slowed-client", "wrong-guess").status() == 401);
        long fourth = retryAfter(tokens.request("slowed-client", "wrong-guess"));
        // Retry-After is the lock left, rounded up: 1 s, 2 s, 4 s, then no more than the longest lock.
        assertThat(first).isEqualTo(1);
        assertThat(second).isBetween(1L, 2L);
        assertThat(third).isBetween(3L, 4L);
        assertThat(fourth).isBetween(3L, 4L);
    }

    @Test
    void anUnknownClientIdIsLockedAsAKnownOneIs() {
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.request("nobody-at-all", "wrong-guess").status()).isEqualTo(401);
        }
        assertThat(tokens.request("nobody-at-all", "wrong-guess").status()).isEqualTo(429);
    }

    private static long retryAfter(Http.Response response) {
        assertThat(response.status()).isEqualTo(429);
        return Long.parseLong(response.raw().headers().firstValue("Retry-After").orElseThrow());
    }

    private void create(String clientId) {
        Http.Response created = Tokens.withToken(http, operatorToken(), "POST", "/api/accounts",
                "{\"clientId\": \"" + clientId + "\", \"secret\": \"" + SECRET + "\", \"role\": \"EDITOR\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
