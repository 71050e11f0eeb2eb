package org.giaoban.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Idempotent consumption of other services' integration events: the {@link Inbox}, the factory of consumers, retries
 * and parking for every consumer binding, the replay of parked messages and its operator endpoint.
 */
@AutoConfiguration
@Import(ParkedMessagesController.class)
public class InboxConfiguration {

    @Bean
    Inbox inbox(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new Inbox(dataSource, transactionManager);
    }

    @Bean
    InboxConsumers inboxConsumers(Inbox inbox, ObjectMapper objectMapper) {
        return new InboxConsumers(inbox, objectMapper);
    }

    /** The binder takes the one listener container customizer of the context and applies it to every binding. */
    @Bean
    RetryThenPark retryThenPark(KafkaProperties kafka) {
        return new RetryThenPark(kafka);
    }

    @Bean
    ParkedMessages parkedMessages(ObjectProvider<IntegrationEventConsumer> consumers, KafkaProperties kafka) {
        return new ParkedMessages(consumers, kafka);
    }

    /** Should Spring Cloud Stream's binding properties be missing, nothing is bound: any declared consumer is reported. */
    @Bean
    ConsumerBindingCheck consumerBindingCheck(ListableBeanFactory beans, ObjectProvider<BindingServiceProperties> bindings,
                                              Environment environment) {
        return new ConsumerBindingCheck(beans, bindings.getIfAvailable(BindingServiceProperties::new), environment);
    }

    /**
     * Each consumer's dead-letter topic, and the topic it reads, both kept forever ({@code retention.ms=-1}) like
     * every topic of the published language: parked messages wait as long as it takes to fix their cause. The read
     * topic is declared here too, with the producer's settings, because the binder would otherwise create it with the
     * broker's default retention if this service started before its producer. Created (if missing) when the context
     * starts, before any binding.
     */
    @Bean
    KafkaAdmin.NewTopics inboxTopics(ObjectProvider<IntegrationEventConsumer> consumers,
                                     @Value("${giaoban.kafka.partitions}") int partitions,
                                     @Value("${giaoban.kafka.replication-factor}") short replicationFactor) {
        Map<String, NewTopic> topics = new LinkedHashMap<>();
        consumers.orderedStream().forEach(consumer -> {
            topics.putIfAbsent(consumer.topic(), keptForever(consumer.topic(), partitions, replicationFactor));
            topics.putIfAbsent(consumer.deadLetterTopic(), keptForever(consumer.deadLetterTopic(), partitions, replicationFactor));
        });
        return new KafkaAdmin.NewTopics(topics.values().toArray(NewTopic[]::new));
    }

    private static NewTopic keptForever(String name, int partitions, short replicationFactor) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicationFactor)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }
}
