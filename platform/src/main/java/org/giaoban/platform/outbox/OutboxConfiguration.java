package org.giaoban.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.TopicBuilder;

/** Turns the outbox relay on for a service that declares an {@link OutboxRoute}, and creates its topic. */
@AutoConfiguration
@ConditionalOnBean(OutboxRoute.class)
public class OutboxConfiguration {

    @Bean
    KafkaTemplate<String, byte[]> integrationEventTemplate(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // Fail a batch quickly when the broker is away; the relay retries it with the same ids.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    IntegrationEventRelay integrationEventRelay(OutboxRoute route, KafkaTemplate<String, byte[]> integrationEventTemplate,
                                                ObjectMapper objectMapper) {
        return new IntegrationEventRelay(route, integrationEventTemplate, objectMapper, 30_000);
    }

    /** Topics are kept forever, so that a consumer that arrives later can rebuild from offset 0. */
    @Bean
    NewTopic integrationEventTopic(OutboxRoute route, @Value("${giaoban.kafka.partitions}") int partitions,
                                   @Value("${giaoban.kafka.replication-factor}") short replicationFactor) {
        return TopicBuilder.name(route.catalog().topic())
                .partitions(partitions)
                .replicas(replicationFactor)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }
}
