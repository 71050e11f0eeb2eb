package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.KafkaTopic;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/** The whole system answers through the gateway: tokens, the services' own token checks, a write that reaches Kafka. */
@SystemTest
class SmokeTest {

    private final List<Http.Response> responses = new ArrayList<>();

    @Test
    void the_gateway_issues_the_operator_a_token_and_membership_checks_it(Gateway gateway) {
        String token = gateway.operatorToken();
        assertThat(token).isNotBlank();

        Http.Response anonymous = seen(gateway.http().get("/api/membership/clusters"));
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Http.Response withToken = seen(gateway.http(token).get("/api/membership/clusters"));
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);
        assertThat(withToken.json().path("items").isArray()).isTrue();

        assertEveryResponseHasACorrelationId();
    }

    @Test
    void the_operator_forms_a_cluster_through_the_gateway_and_it_is_published_on_kafka(SystemUnderTest system) {
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String id = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        String correlationId = "smoke-test-" + UUID.randomUUID();

        Http.Response formed = seen(operator.send(HttpRequest.newBuilder(operator.uri("/api/membership/clusters"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"name\":\"Cụm thử\"}", StandardCharsets.UTF_8))));
        assertThat(formed.status()).as(formed.body()).isEqualTo(201);
        assertThat(formed.raw().headers().firstValue("X-Correlation-Id")).hasValue(correlationId);

        AtomicReference<Http.Response> read = new AtomicReference<>();
        await("the cluster in the read model").atMost(Duration.ofSeconds(30)).until(() -> {
            read.set(seen(operator.get("/api/membership/clusters/" + id)));
            return read.get().status() == 200;
        });
        assertThat(read.get().json().path("name").asText()).isEqualTo("Cụm thử");

        try (KafkaTopic topic = system.topic("membership.events.v1")) {
            AtomicReference<ConsumerRecord<String, byte[]>> published = new AtomicReference<>();
            await("ClusterFormed on membership.events.v1").atMost(Duration.ofSeconds(60)).until(() -> {
                topic.poll().stream().filter(record -> id.equals(record.key())).findFirst().ifPresent(published::set);
                return published.get() != null;
            });
            ConsumerRecord<String, byte[]> record = published.get();
            assertThat(KafkaTopic.header(record, "ce_type")).isEqualTo("org.giaoban.membership.ClusterFormed.v1");
            assertThat(KafkaTopic.header(record, "ce_actor")).isEqualTo(Gateway.OPERATOR);
            assertThat(KafkaTopic.header(record, "ce_correlationid")).isEqualTo(correlationId);
            assertThat(KafkaTopic.value(record)).contains("\"clusterId\":\"" + id + "\"").contains("Cụm thử");
        }

        assertEveryResponseHasACorrelationId();
    }

    private Http.Response seen(Http.Response response) {
        responses.add(response);
        return response;
    }

    private void assertEveryResponseHasACorrelationId() {
        assertThat(responses).isNotEmpty().allSatisfy(response ->
                assertThat(response.raw().headers().firstValue("X-Correlation-Id"))
                        .as("X-Correlation-Id of %s %s", response.raw().request().method(), response.raw().uri())
                        .isPresent());
    }
}
