package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.testsupport.TopicReader.header;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.giaoban.contracts.Topics;
import org.giaoban.platform.outbox.IntegrationEventRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.giaoban.testsupport.TopicReader;

/**
 * The event store is the outbox. With the publishing side down between storing and publishing, nothing is lost: once
 * it is back, every stored event is published; and when it publishes again what it already published (a crash
 * before its position was saved), it does so under the same {@code ce_id}, with the same content.
 */
@TestPropertySource(properties = "giaoban.test.context=outbox-recovery") // its own database: it publishes twice on purpose
class OutboxRecoveryTest extends MembershipServiceTestBase {

    private StreamingEventProcessor relay() {
        return processing.eventProcessor(IntegrationEventRelay.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    @AfterEach
    void relayRunsAgain() {
        relay().start();
    }

    @Test
    void eventsStoredWhileThePublisherIsDownArePublishedWhenItComesBack() {
        relay().shutDown();
        assertThat(http.post("/api/membership/clusters", "{\"id\":\"dong-bac\",\"name\":\"Cụm các đô thị vùng Đông Bắc\"}").status())
                .isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas",
                "{\"id\":\"ha-long\",\"name\":\"Thành phố Hạ Long\",\"kind\":\"CITY\",\"province\":\"Quảng Ninh\",\"urbanClass\":\"I\"}")
                .status()).isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas/ha-long/admission",
                "{\"clusterId\":\"dong-bac\",\"effectiveFrom\":\"2020-01-01\"}").status()).isEqualTo(201);
        Set<String> stored = storedEventIds();

        try (TopicReader topic = new TopicReader(Topics.MEMBERSHIP)) {
            assertThat(TopicReader.countById(topic.poll()).keySet()).as("nothing published while the relay is down")
                    .doesNotContain(idsOf("dong-bac", "ha-long").toArray(String[]::new));

            relay().start();

            await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.countById(topic.poll()).keySet().containsAll(stored));
        }
    }

    @Test
    void republishingAfterACrashRepeatsTheSameIdsAndContent() {
        Set<String> stored = storedEventIds();
        try (TopicReader topic = new TopicReader(Topics.MEMBERSHIP)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.countById(topic.poll()).keySet().containsAll(stored));

            // As if the process died after Kafka acknowledged but before the relay's position was saved.
            relay().shutDown();
            relay().resetTokens();
            relay().start();

            await().atMost(Duration.ofSeconds(30)).until(() -> onTopic(topic.poll(), stored).values().stream().allMatch(n -> n >= 2));
            List<ConsumerRecord<String, byte[]>> ours = topic.poll().stream().filter(r -> stored.contains(header(r, "ce_id"))).toList();

            assertThat(ours.stream().map(r -> header(r, "ce_id")).collect(Collectors.toSet())).isEqualTo(stored);
            Map<String, List<ConsumerRecord<String, byte[]>>> copies = ours.stream().collect(Collectors.groupingBy(r -> header(r, "ce_id")));
            copies.forEach((id, same) -> {
                assertThat(same).extracting(ConsumerRecord::key).containsOnly(same.get(0).key());
                assertThat(same).extracting(r -> header(r, "ce_type")).containsOnly(header(same.get(0), "ce_type"));
                assertThat(same).allMatch(r -> Arrays.equals(r.value(), same.get(0).value()), "same content for " + id);
            });
        }
    }

    private static Map<String, Long> onTopic(List<ConsumerRecord<String, byte[]>> records, Set<String> ids) {
        return TopicReader.countById(records.stream().filter(r -> ids.contains(header(r, "ce_id"))).toList());
    }

    private Set<String> storedEventIds() {
        return Set.copyOf(jdbc.sql("SELECT event_identifier FROM domain_event_entry").query(String.class).list());
    }

    private Set<String> idsOf(String... streams) {
        return Arrays.stream(streams).flatMap(id -> jdbc.sql(
                        "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)")
                .params("cluster:" + id, "urban-area:" + id).query(String.class).list().stream()).collect(Collectors.toSet());
    }
}
