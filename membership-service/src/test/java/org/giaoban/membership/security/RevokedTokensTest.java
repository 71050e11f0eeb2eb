package org.giaoban.membership.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import org.giaoban.membership.MembershipServiceTestBase;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * A client's tokens revoked at the gateway (its account deleted or given a new secret) lose their power in the service
 * within a minute — the service reads the gateway's revocation list every 15 s — though the service had already
 * verified and remembered them; tokens issued to the client afterwards work.
 */
class RevokedTokensTest extends MembershipServiceTestBase {

    @Test
    void aRevokedClientsEarlierTokensAreRefusedWithinAMinuteAndItsLaterOnesAccepted() {
        String subject = "revoked-operator-" + UUID.randomUUID();
        Instant revokedBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        String earlier = token(subject, Instant.now().minusSeconds(60));
        String later = token(subject, revokedBefore);
        Http earlierClient = http.as(earlier);
        assertThat(earlierClient.get("/api/membership/clusters").status()).isEqualTo(200);

        TestIssuer.get().revoke(subject, revokedBefore);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> earlierClient.get("/api/membership/clusters").status() == 401);
        Http.Response refused = earlierClient.get("/api/membership/clusters");
        assertThat(refused.code()).isEqualTo("invalid-token");
        assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).get().asString().contains("revoked");
        long stored = storedEvents();
        String id = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(earlierClient.post("/api/membership/clusters", "{\"id\":\"" + id + "\",\"name\":\"Cụm " + id + "\"}").status())
                .isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(stored);

        assertThat(http.as(later).get("/api/membership/clusters").status()).isEqualTo(200);
        // Another client's token, issued as early, is not affected.
        assertThat(http.as(token("not-revoked-" + UUID.randomUUID(), Instant.now().minusSeconds(60)))
                .get("/api/membership/clusters").status()).isEqualTo(200);
    }

    private static String token(String subject, Instant issuedAt) {
        return TestIssuer.get().sign(TestIssuer.claims(subject, "OPERATOR")
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .build());
    }
}
