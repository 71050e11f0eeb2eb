package org.giaoban.competition.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.giaoban.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A consumer group's lag behind a topic, asked from the real broker of the test JVM (topics of its own). */
class ConsumerGroupProgressTest {

    private static Admin admin;
    private static ConsumerGroupProgress progress;

    private String topic;
    private String group;

    @BeforeAll
    static void connect() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        admin = Admin.create(config);
        progress = new ConsumerGroupProgress(config);
    }

    @AfterAll
    static void disconnect() {
        progress.close();
        admin.close();
    }

    @BeforeEach
    void names() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        topic = "progress-test-" + unique;
        group = "progress-test-group-" + unique;
    }

    @Test
    void aTopicThatDoesNotExistHasNothingToTakeIn() throws Exception {
        assertThat(progress.recordsBehind(group, topic)).isZero();
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(topic);
    }

    @Test
    void anEmptyTopicHasNothingToTakeIn() throws Exception {
        create(topic);

        assertThat(progress.recordsBehind(group, topic)).isZero();
    }

    @Test
    void recordsOfAPartitionWithoutCommittedOffsetAreBehind() throws Exception {
        create(topic);
        produce(0, 3);
        produce(2, 2);

        assertThat(progress.recordsBehind(group, topic)).isEqualTo(5);
    }

    @Test
    void theGroupCatchesUpWhenItHasCommittedTheEndOfEveryPartition() throws Exception {
        create(topic);
        produce(0, 3);
        produce(2, 2);

        commit(Map.of(partition(0), 3L, partition(2), 1L));
        assertThat(progress.recordsBehind(group, topic)).isEqualTo(1);

        commit(Map.of(partition(2), 2L));
        assertThat(progress.recordsBehind(group, topic)).isZero();

        produce(1, 1);
        assertThat(progress.recordsBehind(group, topic)).isEqualTo(1);
    }

    private void create(String name) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
    }

    private void produce(int partition, int records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "key", "record " + i)).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private void commit(Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new java.util.HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, committed).all().get(10, TimeUnit.SECONDS);
    }

    private TopicPartition partition(int partition) {
        return new TopicPartition(topic, partition);
    }
}
