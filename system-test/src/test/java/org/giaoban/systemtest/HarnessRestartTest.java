package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/** The harness itself: one service stopped and started again, on the same port with the same database. */
@SystemTest
class HarnessRestartTest {

    @Test
    void a_stopped_service_answers_as_a_problem_at_the_gateway_and_keeps_its_data_when_it_comes_back(SystemUnderTest system) {
        Http operator = system.gateway().http(system.gateway().operatorToken());
        String id = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(operator.post("/api/membership/clusters", "{\"id\":\"" + id + "\",\"name\":\"Cụm khởi động lại\"}").status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/membership/clusters/" + id).status() == 200);
        int port = system.port(SystemUnderTest.MEMBERSHIP);

        system.stop(SystemUnderTest.MEMBERSHIP);
        try {
            Http.Response down = operator.get("/api/membership/clusters/" + id);
            assertThat(down.status()).as(down.body()).isIn(502, 503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.raw().headers().firstValue("X-Correlation-Id")).isPresent();
        } finally {
            system.start(SystemUnderTest.MEMBERSHIP);
        }

        assertThat(system.port(SystemUnderTest.MEMBERSHIP)).isEqualTo(port);
        Http.Response back = operator.get("/api/membership/clusters/" + id);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().path("name").asText()).isEqualTo("Cụm khởi động lại");
    }
}
