package org.giaoban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class RestartKafkaTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void aRestartedBrokerKeepsItsAddressAndItsRecords() throws Exception {
        assumeTrue(infrastructure.kafkaSource().equals("embedded"), "restartKafka() needs the in-JVM broker");
        String topic = "competition.events.v1." + UUID.randomUUID();
        String address = infrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get(30, TimeUnit.SECONDS);
        }
        KafkaTest.KafkaSupport.send(infrastructure, topic, "round-2023", "before");

        infrastructure.restartKafka();

        assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo(address);
        KafkaTest.KafkaSupport.send(infrastructure, topic, "round-2023", "after");
        assertThat(KafkaTest.KafkaSupport.readAll(infrastructure, topic, 2))
                .extracting(ConsumerRecord::value)
                .containsExactly("before", "after");
    }
}
