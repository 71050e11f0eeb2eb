package org.giaoban.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.giaoban.platform.inbox.Inbox;
import org.giaoban.platform.inbox.RetryThenPark;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.CompositeProducerListener;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Counts integration events through Kafka, by observing the platform's own beans (the relay and the inbox stay
 * unaware of metrics):
 * <ul>
 * <li>{@code giaoban_kafka_published_total{topic, outcome}}: records the outbox relay's Kafka template sent, acknowledged
 * by the broker ({@code success}) or not ({@code failure}; the relay then publishes the batch again);</li>
 * <li>{@code giaoban_kafka_consumed_total{consumer, outcome}}: messages a consumer {@code handled} (effect applied),
 * skipped as a {@code duplicate} (already in its inbox), {@code failed} (one delivery attempt threw; it is retried)
 * and {@code parked} (on its dead-letter topic after the retries).</li>
 * </ul>
 */
public class KafkaMetrics implements BeanPostProcessor {

    public static final String PUBLISHED = "giaoban.kafka.published";
    public static final String CONSUMED = "giaoban.kafka.consumed";
    /** The bean name of the outbox relay's template ({@code OutboxConfiguration}). */
    static final String RELAY_TEMPLATE = "integrationEventTemplate";

    private final ObjectProvider<MeterRegistry> registry;

    public KafkaMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaTemplate template && RELAY_TEMPLATE.equals(beanName)) {
            CompositeProducerListener listeners = new CompositeProducerListener(new LoggingProducerListener<>(),
                    new PublishCounter());
            template.setProducerListener(listeners);
            return bean;
        }
        if (bean instanceof Inbox inbox) {
            return countingInbox(inbox);
        }
        if (bean instanceof RetryThenPark retryThenPark) {
            return countingParks(retryThenPark);
        }
        return bean;
    }

    private Object countingInbox(Inbox inbox) {
        ProxyFactory proxy = new ProxyFactory(inbox);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            Object[] arguments = invocation.getArguments();
            if ("handleOnce".equals(invocation.getMethod().getName()) && result instanceof Boolean applied
                    && arguments.length > 0 && arguments[0] instanceof String consumer) {
                consumed(consumer, applied ? "handled" : "duplicate");
            }
            return result;
        });
        return proxy.getProxy(inbox.getClass().getClassLoader());
    }

    private Object countingParks(RetryThenPark retryThenPark) {
        ProxyFactory proxy = new ProxyFactory(retryThenPark);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            Object[] arguments = invocation.getArguments();
            if ("configure".equals(invocation.getMethod().getName()) && arguments.length >= 3
                    && arguments[0] instanceof AbstractMessageListenerContainer<?, ?> container
                    && arguments[2] instanceof String group
                    && container.getCommonErrorHandler() instanceof FailedRecordProcessor errorHandler) {
                errorHandler.setRetryListeners(new ParkCounter(group));
            }
            return result;
        });
        return proxy.getProxy(retryThenPark.getClass().getClassLoader());
    }

    void consumed(String consumer, String outcome) {
        Counter.builder(CONSUMED).description("Integration events consumed from Kafka, by consumer and outcome")
                .tag("consumer", consumer).tag("outcome", outcome).register(registry.getObject()).increment();
    }

    void published(String topic, String outcome) {
        Counter.builder(PUBLISHED).description("Integration events the outbox relay sent to Kafka, by topic and outcome")
                .tag("topic", topic).tag("outcome", outcome).register(registry.getObject()).increment();
    }

    private final class PublishCounter implements ProducerListener<Object, Object> {

        @Override
        public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
            published(record.topic(), "success");
        }

        @Override
        public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
            published(record.topic(), "failure");
        }
    }

    /** The consumer's name is the binding's group. */
    private final class ParkCounter implements RetryListener {

        private final String consumer;

        ParkCounter(String consumer) {
            this.consumer = consumer;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
            consumed(consumer, "failed");
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
            consumed(consumer, "parked");
        }
    }
}
