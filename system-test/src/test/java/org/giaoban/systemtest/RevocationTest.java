package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * Giving an account a new secret, then deleting it, ends the power of the tokens it held: at the gateway at once, and
 * in every service, asked directly on its own port, within 60 seconds (each reads the gateway's revocation list every
 * 15 s); a token issued after the new secret works everywhere until the deletion.
 */
@SystemTest
class RevocationTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void a_new_secret_and_a_deletion_end_the_tokens_power_at_the_gateway_and_in_every_service(SystemUnderTest system) {
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String clientId = Story.fresh("revoked-analyst");
        Http.Response created = operator.post("/api/accounts",
                "{\"clientId\":\"" + clientId + "\",\"secret\":\"revocation-secret-1\",\"role\":\"ANALYST\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String before = gateway.token(clientId, "revocation-secret-1");
        assertThat(statuses(system, before)).as("before").allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(200));

        Http.Response rotated = operator.post("/api/accounts/" + clientId + "/secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String after = gateway.token(clientId, rotated.json().path("secret").asText());
        long rotatedAt = System.nanoTime();
        assertThat(gateway.http(before).get("/api/membership/clusters").status()).as("the gateway, at once").isEqualTo(401);
        await("the earlier token refused everywhere").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> statuses(system, before).values().stream().allMatch(status -> status == 401));
        System.out.println("[revocation] a new secret: the earlier token refused everywhere after "
                + (System.nanoTime() - rotatedAt) / 1_000_000 + " ms");
        assertThat(statuses(system, after)).as("the token issued after the new secret")
                .allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(200));

        assertThat(operator.delete("/api/accounts/" + clientId).status()).isEqualTo(204);
        long deletedAt = System.nanoTime();
        assertThat(gateway.http(after).get("/api/membership/clusters").status()).as("the gateway, at once").isEqualTo(401);
        await("the deleted account's token refused everywhere").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> statuses(system, after).values().stream().allMatch(status -> status == 401));
        System.out.println("[revocation] a deletion: its token refused everywhere after "
                + (System.nanoTime() - deletedAt) / 1_000_000 + " ms");
    }

    /** What the token gets through the gateway and from each service directly (an analyst's reads). */
    private static Map<String, Integer> statuses(SystemUnderTest system, String token) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("gateway", system.gateway().http(token).get("/api/membership/clusters").status());
        for (String service : List.of(SystemUnderTest.MEMBERSHIP, SystemUnderTest.COMPETITION, SystemUnderTest.NEWS)) {
            statuses.put(service, new Http(system.port(service)).as(token).get("/actuator/prometheus").status());
        }
        statuses.put("membership API", new Http(system.port(SystemUnderTest.MEMBERSHIP)).as(token).get("/api/membership/clusters").status());
        return statuses;
    }
}
