package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;


import org.giaoban.systemtest.harness.ManagedProcess;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/** The harness itself: a second instance of a service, behind the gateway, balanced round-robin with the first. */
@SystemTest
class SecondInstanceTest {

    private static final String ROUNDS = "/api/competition/rounds";

    @Test
    void the_gateway_balances_a_service_over_two_instances_and_tokens_survive_its_restart(SystemUnderTest system) {
        String token = system.gateway().operatorToken();
        ManagedProcess first = system.process(SystemUnderTest.COMPETITION);
        long firstBefore = servedRounds(first);

        ManagedProcess second = system.startSecondInstance(SystemUnderTest.COMPETITION);
        try {
            assertThat(second.port()).isNotEqualTo(first.port());
            assertThat(second.isAlive()).isTrue();
            Http operator = system.gateway().http(token);
            for (int i = 0; i < 6; i++) {
                // A token issued before the gateway restarted (its keys live in its database).
                Http.Response rounds = operator.get(ROUNDS);
                assertThat(rounds.status()).as(rounds.body()).isEqualTo(200);
            }
            assertThat(servedRounds(first) - firstBefore).as("requests served by the first instance").isPositive();
            assertThat(servedRounds(second)).as("requests served by the second instance").isPositive();
        } finally {
            system.stopSecondInstance(SystemUnderTest.COMPETITION);
        }
        assertThat(second.isAlive()).isFalse();
        assertThat(system.gateway().http(token).get(ROUNDS).status()).isEqualTo(200);
    }

    /** How many GET /api/competition/rounds an instance answered 200 (its own Prometheus counter). */
    private static long servedRounds(ManagedProcess instance) {
        Http.Response metrics = new Http(instance.port()).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("uri=\"" + ROUNDS + "\"") && line.contains("status=\"200\"")
                        && line.contains("method=\"GET\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

}
