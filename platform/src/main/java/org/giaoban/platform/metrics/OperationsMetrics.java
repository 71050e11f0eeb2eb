package org.giaoban.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.giaoban.platform.projections.ParkedEventQueues;
import org.giaoban.platform.projections.ProcessorMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * The platform's Prometheus metrics, all named {@code giaoban_*} (see {@code docs/operations.md}): command rates,
 * streaming processor positions and lag, integration events published to Kafka and consumed from it.
 */
public class OperationsMetrics {

    @Bean
    CommandMetrics giaobanCommandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    @Bean
    ProcessorMetrics giaobanProcessorMetrics(ProcessorMonitor monitor, ParkedEventQueues parked, MeterRegistry registry) {
        return new ProcessorMetrics(monitor, parked, registry);
    }

    /** Static: it post-processes the relay's Kafka template, the inbox and the retry-then-park customizer. */
    @Bean
    static KafkaMetrics giaobanKafkaMetrics(ObjectProvider<MeterRegistry> registry) {
        return new KafkaMetrics(registry);
    }
}
