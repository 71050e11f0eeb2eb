package org.giaoban.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.giaoban.contracts.Topics;
import org.giaoban.platform.outbox.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a message that its consumer fails to handle, for every consumer binding of the service: it is tried
 * again a bounded number of times, then parked on {@code <topic>.dlt.<consumer>} (the binding's destination and
 * group), and the partition moves on. A message that no retry can help ({@link UnreadableMessage}) is parked at once.
 *
 * <p>The attempts and back-off are the binding's standard ones ({@code spring.cloud.stream.bindings.<binding>.consumer
 * .max-attempts}, default 3, and {@code back-off-initial-interval}, {@code -multiplier}, {@code -max-interval}, default
 * 1 s doubling up to 10 s); the binder's own DLQ ({@code enable-dlq}, {@code dlq-name}) is not used: the platform names
 * and creates the dead-letter topics itself ({@link InboxConfiguration}).
 *
 * <p>The retries and parking are spring-kafka's {@link DefaultErrorHandler} with a {@link DeadLetterPublishingRecoverer}
 * on the binding's listener container (not the binder's retry template), so the parked record is the original record
 * (same key, value and headers, among them {@code ce_id} and {@code ce_type}) plus spring-kafka's headers
 * {@code kafka_dlt-original-topic}, {@code -original-partition} (4-byte int), {@code -original-offset} (8-byte long),
 * {@code -original-timestamp}, {@code -original-timestamp-type}, {@code kafka_dlt-exception-fqcn},
 * {@code -exception-cause-fqcn}, {@code -exception-message} and {@code -exception-stacktrace} (of the handler's own
 * exception, e.g. {@code "cannot take ..."}, not of the listener's wrapper around it). It goes to the
 * dead-letter partition of its key, so the parked events of one aggregate stay in order. The offset of a failed
 * record is committed only after the dead-letter topic acknowledged it.
 */
public class RetryThenPark implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetryThenPark.class);
    /** Negative: no partition is set on the parked record, Kafka picks the one of its key. */
    private static final int PARTITION_OF_KEY = -1;

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> deadLetters;

    public RetryThenPark(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        // The binder reads keys and values as bytes; they are parked exactly as they came.
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.deadLetters = new KafkaTemplate<>(producers);
    }

    /** The binder must not retry inside the listener: the container's error handler retries and parks. */
    @Override
    public boolean retryAndDlqInBinding(String destination, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> binderDlqResolver, BackOff backOff,
                          ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties != null && properties.getExtension().isEnableDlq()) {
            log.warn("Binding {} sets enable-dlq: ignored, failed messages are parked on {}", properties.getBindingName(),
                    Topics.deadLetter(destination, group));
        }
        configure(container, destination, group, binderDlqResolver, backOff);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> binderDlqResolver, BackOff backOff) {
        String deadLetterTopic = Topics.deadLetter(destination, group);
        DeadLetterPublishingRecoverer park = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(deadLetterTopic, PARTITION_OF_KEY));
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, failure) -> {
            Exception cause = handlerFailure(failure);
            log.warn("{} parks message {} ({}) from {}-{}@{} on {}: {}", group, header(record, CloudEventHeaders.ID),
                    header(record, CloudEventHeaders.TYPE), record.topic(), record.partition(), record.offset(),
                    deadLetterTopic, cause.toString());
            park.accept(record, cause);
        }, backOff != null ? backOff : new FixedBackOff(0L, 0L));
        errorHandler.addNotRetryableExceptions(UnreadableMessage.class);
        container.setCommonErrorHandler(errorHandler);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The handler's own exception, without the container's and Spring Integration's wrappers around it, so that the
     * parked record's exception headers say why it failed rather than "Listener failed".
     */
    private static Exception handlerFailure(Exception failure) {
        Throwable cause = failure;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof MessagingException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception exception ? exception : failure;
    }
}
