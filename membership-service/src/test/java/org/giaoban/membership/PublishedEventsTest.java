package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.testsupport.TopicReader.header;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.giaoban.contracts.Topics;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.testsupport.TestInfrastructure;
import org.giaoban.testsupport.contracts.PublishedSchemas;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.TopicReader;

/** Every stored event reaches {@code membership.events.v1} once per id, schema-valid, as CloudEvents. */
class PublishedEventsTest extends MembershipServiceTestBase {

    @Test
    void everyStoredEventIsOnTheTopicUnderItsOwnIdAsAValidCloudEvent() {
        Map<String, String> stored = storedEventIdsWithStream();

        try (TopicReader topic = new TopicReader(Topics.MEMBERSHIP)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.countById(topic.poll()).keySet().containsAll(stored.keySet()));
            List<ConsumerRecord<String, byte[]>> records = topic.poll().stream()
                    .filter(r -> stored.containsKey(header(r, "ce_id"))).toList();

            assertThat(TopicReader.countById(records).values()).as("published once per stored event").allMatch(n -> n == 1);
            for (ConsumerRecord<String, byte[]> record : records) {
                String type = header(record, "ce_type");
                assertThat(MembershipEvents.CATALOG.classOf(type)).as(type).isPresent();
                PublishedSchemas.assertValid(type, TopicReader.value(record));
                assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(header(record, "ce_source")).isEqualTo("/giaoban/membership-service");
                assertThat(header(record, "ce_subject")).isEqualTo(record.key());
                assertThat(header(record, "content-type")).isEqualTo("application/json");
                assertThat(header(record, "ce_actor")).as("the JWT subject of the client that acted").isEqualTo("operator");
                assertThat(header(record, "ce_correlationid")).isNotBlank();
                assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now());
                // The key is the aggregate's own id, so one urban area's events keep their order on one partition.
                assertThat(stored.get(header(record, "ce_id"))).endsWith(":" + record.key());
            }
        }
    }

    @Test
    void theRequestsCorrelationIdTravelsWithTheEvent() {
        Http.Response response = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/membership/urban-areas"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", "trace-than-uyen-42")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"than-uyen\",\"name\":\"Thị trấn Than Uyên\",\"kind\":\"COMMUNE\",\"province\":\"Lai Châu\"}")));
        assertThat(response.raw().headers().firstValue("X-Correlation-Id")).contains("trace-than-uyen-42");

        try (TopicReader topic = new TopicReader(Topics.MEMBERSHIP)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream().anyMatch(r -> "than-uyen".equals(r.key())));
            ConsumerRecord<String, byte[]> registered = topic.poll().stream().filter(r -> "than-uyen".equals(r.key())).findFirst().orElseThrow();
            assertThat(header(registered, "ce_correlationid")).isEqualTo("trace-than-uyen-42");
            assertThat(header(registered, "ce_type")).isEqualTo("org.giaoban.membership.UrbanAreaRegistered.v1");
        }
    }

    @Test
    void theTopicKeepsMessagesForever() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MEMBERSHIP);
            Config config = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        }
    }

    @Test
    void aDissolutionIsPublishedWithItsSuccessorsAndTheEndOfMembership() {
        try (TopicReader topic = new TopicReader(Topics.MEMBERSHIP)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream().anyMatch(r -> "yen-bai".equals(r.key())
                    && "org.giaoban.membership.UrbanAreaReorganised.v1".equals(header(r, "ce_type"))));
            List<String> yenBai = topic.poll().stream().filter(r -> "yen-bai".equals(r.key()))
                    .map(r -> header(r, "ce_type") + " " + TopicReader.value(r)).toList();

            assertThat(yenBai).anySatisfy(e -> assertThat(e).startsWith("org.giaoban.membership.UrbanAreaReorganised.v1")
                    .contains("\"dissolvedInto\":[\"au-lau\"]").contains("\"clusterId\":\"tay-bac\"")
                    .contains("\"province\":\"Lào Cai\""));
            assertThat(yenBai).anySatisfy(e -> assertThat(e).startsWith("org.giaoban.membership.MemberWithdrawn.v1")
                    .contains("\"reason\":\"DISSOLVED\"").contains("\"effectiveFrom\":\"2025-07-01\""));
        }
    }

    private Map<String, String> storedEventIdsWithStream() {
        return jdbc.sql("SELECT event_identifier, aggregate_identifier FROM domain_event_entry")
                .query((row, i) -> Map.entry(row.getString(1), row.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
