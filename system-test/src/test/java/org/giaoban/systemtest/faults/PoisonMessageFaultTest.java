package org.giaoban.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.systemtest.faults.Faults.RESUME;
import static org.giaoban.systemtest.faults.Faults.count;
import static org.giaoban.systemtest.faults.Faults.execute;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.KafkaTopic;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * Poison messages on {@code membership.events.v1} for competition's roster replica ({@code competition-rosters}):
 * an unreadable one is parked at once, a failing one after its bounded retries, and neither blocks what follows on
 * its partition; a message parked for a cause that is then fixed is applied once by the operator's replay, and the
 * unfixable ones are discarded as the platform documents (the replay group moved past them).
 */
@SystemTest
class PoisonMessageFaultTest {

    private static final String TOPIC = "membership.events.v1";
    private static final String CONSUMER = "competition-rosters";
    private static final String DEAD_LETTERS = TOPIC + ".dlt." + CONSUMER;
    private static final String ADMITTED = "org.giaoban.membership.MemberAdmitted.v1";
    private static final String REGISTERED = "org.giaoban.membership.UrbanAreaRegistered.v1";

    @Test
    void poison_is_parked_the_partition_moves_on_and_the_replay_applies_what_was_fixed(SystemUnderTest system) throws Exception {
        String run = Faults.runId();
        String poisoned = "fault-poison-" + run;        // the key of the poison and of what follows it
        String fixable = "fault-fixable-" + run;        // refused by the replica's database until the "fix"
        String after = "fault-after-" + run;
        String constraint = "fault_test_refuses_" + run;
        execute(system, "competition", "ALTER TABLE roster_replica_urban_area_name ADD CONSTRAINT " + constraint
                + " CHECK (urban_area_id <> '" + fixable + "')");
        String unreadableId = UUID.randomUUID().toString();
        String failingId = UUID.randomUUID().toString();
        String fixableId = UUID.randomUUID().toString();
        try {
            try (KafkaProducer<String, byte[]> producer = producer(system)) {
                producer.send(record(unreadableId, ADMITTED, poisoned, "{\"urbanAreaId\": [not json")).get();
                // Reads as a MemberAdmitted, but the replica cannot place a record without a date: it throws.
                producer.send(record(failingId, ADMITTED, poisoned,
                        "{\"urbanAreaId\":\"" + poisoned + "\",\"clusterId\":\"fault-cum\",\"effectiveFrom\":null}")).get();
                producer.send(record(fixableId, REGISTERED, fixable, registered(fixable))).get();
                producer.send(record(UUID.randomUUID().toString(), REGISTERED, poisoned, registered(poisoned))).get();
                producer.send(record(UUID.randomUUID().toString(), REGISTERED, after, registered(after))).get();
            }

            // Not blocked: what follows the poison on its partition (same key) is applied.
            await("the messages behind the poison applied").atMost(RESUME).until(() -> named(system, poisoned) == 1
                    && named(system, after) == 1);

            // Parked: the unreadable one at once, the failing ones after their retries.
            Map<String, ConsumerRecord<String, byte[]>> parked = new HashMap<>();
            try (KafkaTopic deadLetters = system.topic(DEAD_LETTERS)) {
                await("the three parked on " + DEAD_LETTERS).atMost(RESUME).until(() -> {
                    deadLetters.poll().forEach(r -> parked.put(KafkaTopic.header(r, "ce_id"), r));
                    return parked.keySet().containsAll(List.of(unreadableId, failingId, fixableId));
                });
            }
            assertThat(KafkaTopic.header(parked.get(unreadableId), "kafka_dlt-exception-fqcn")).endsWith("UnreadableMessage");
            assertThat(KafkaTopic.header(parked.get(failingId), "kafka_dlt-exception-fqcn")).endsWith("IllegalArgumentException");
            assertThat(KafkaTopic.header(parked.get(failingId), "kafka_dlt-exception-message")).contains("effectiveFrom");
            assertThat(parked.get(failingId).key()).isEqualTo(poisoned);
            assertThat(named(system, fixable)).isZero();
            String log = Files.readString(system.process(SystemUnderTest.COMPETITION).log(), StandardCharsets.UTF_8);
            assertThat(occurrences(log, "parks message " + failingId)).as("parked once, after the retries").isEqualTo(1);
            assertThat(occurrences(log, "parks message " + unreadableId)).isEqualTo(1);
        } finally {
            execute(system, "competition", "ALTER TABLE roster_replica_urban_area_name DROP CONSTRAINT IF EXISTS " + constraint);
        }

        // The cause is fixed: the operator replays. The unfixable two stop the replay where they are; the documented
        // way to discard one is to move the replay group past it, then replay again.
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String replay = "/api/competition/admin/dead-letters/" + CONSUMER + "/replay";
        assertThat(gateway.http().post(replay, "").status()).as("not without a token").isEqualTo(401);
        int applied = 0;
        List<String> discarded = new ArrayList<>();
        JsonNode report = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Http.Response answer = operator.post(replay, "");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            report = answer.json();
            applied += report.path("applied").asInt();
            JsonNode stoppedAt = report.path("stoppedAt");
            if (stoppedAt.isNull() || stoppedAt.isMissingNode()) {
                break;
            }
            assertThat(stoppedAt.path("messageId").asText()).as(report.toString()).isIn(unreadableId, failingId);
            discarded.add(stoppedAt.path("messageId").asText());
            discard(system, stoppedAt.path("partition").asInt(), stoppedAt.path("offset").asLong());
        }
        assertThat(report.path("stoppedAt").isNull()).as(report.toString()).isTrue();
        assertThat(report.path("stillParked").asLong()).isZero();
        assertThat(discarded).containsExactlyInAnyOrder(unreadableId, failingId);
        assertThat(applied).as("the fixed message applied by the replay").isGreaterThanOrEqualTo(1);
        assertThat(named(system, fixable)).as("applied once").isEqualTo(1);
        assertThat(count(system, "competition", "SELECT count(*) FROM processed_message WHERE consumer = ? AND message_id = ?",
                CONSUMER, fixableId)).isEqualTo(1);

        // Replaying again changes nothing.
        JsonNode again = operator.post(replay, "").json();
        assertThat(again.path("applied").asInt()).as(again.toString()).isZero();
        assertThat(named(system, fixable)).isEqualTo(1);
    }

    private static long named(SystemUnderTest system, String urbanAreaId) {
        return count(system, "competition", "SELECT count(*) FROM roster_replica_urban_area_name WHERE urban_area_id = ?",
                urbanAreaId);
    }

    private static String registered(String id) {
        return "{\"urbanAreaId\":\"" + id + "\",\"name\":\"Thành phố Độc " + id + "\",\"kind\":\"CITY\",\"province\":\"Lào Cai\"}";
    }

    private static ProducerRecord<String, byte[]> record(String ceId, String type, String key, String body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, body.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", ceId);
        header(record, "ce_source", "/fault-test");
        header(record, "ce_type", type);
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_actor", "fault-test");
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer(SystemUnderTest system) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The documented discard: the replay group {@code <consumer>.dlt-replay} moved past the record. */
    private static void discard(SystemUnderTest system, int partition, long offset) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.alterConsumerGroupOffsets(CONSUMER + ".dlt-replay",
                    Map.of(new TopicPartition(DEAD_LETTERS, partition), new OffsetAndMetadata(offset + 1))).all().get();
        }
    }

    private static int occurrences(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
