package org.giaoban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void keepsRecordsForeverOnATopicCreatedWithRetentionMinusOne() throws Exception {
        String topic = "membership.events.v1." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get(30, TimeUnit.SECONDS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }

        KafkaSupport.send(infrastructure, topic, "hai-phong", "{\"type\":\"MemberAdmitted\"}");

        assertThat(KafkaSupport.readAll(infrastructure, topic, 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hai-phong", "{\"type\":\"MemberAdmitted\"}"));
    }

    /** Small producer/consumer helpers shared by the Kafka tests. */
    static final class KafkaSupport {

        private KafkaSupport() {
        }

        static void send(TestInfrastructure infrastructure, String topic, String key, String value) throws Exception {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            }
        }

        /** Reads the topic from the earliest offset with a fresh consumer group until {@code expected} records arrived. */
        static List<ConsumerRecord<String, String>> readAll(TestInfrastructure infrastructure, String topic, int expected) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-support-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of(topic));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    return records.size() >= expected;
                });
            }
            return records;
        }
    }
}
