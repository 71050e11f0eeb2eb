package org.giaoban.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.giaoban.platform.projections.ParkedEventQueues;
import org.giaoban.platform.projections.ProcessorMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Gauges of the streaming processors, registered once Axon has built them:
 * {@code giaoban_event_store_head}, and per {@code processor} {@code giaoban_processor_position},
 * {@code giaoban_processor_lag_events} (head − the lowest position of its segments),
 * {@code giaoban_processor_parked_events} (events parked because they could not be handled) and
 * {@code giaoban_processor_rebuilding} (1 while a rebuild replays).
 */
public class ProcessorMetrics implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ProcessorMetrics.class);

    private final ProcessorMonitor monitor;
    private final ParkedEventQueues parked;
    private final MeterRegistry registry;

    public ProcessorMetrics(ProcessorMonitor monitor, ParkedEventQueues parked, MeterRegistry registry) {
        this.monitor = monitor;
        this.parked = parked;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        Gauge.builder("giaoban.event.store.head", this, metrics -> safelyLong(monitor::head))
                .description("Global index of the newest event in the service's event store").register(registry);
        for (String name : monitor.names()) {
            Gauge.builder("giaoban.processor.position", this, metrics -> safelyLong(() -> position(name)))
                    .description("Lowest position (global index) of the processor's segments on this node")
                    .tag("processor", name).register(registry);
            Gauge.builder("giaoban.processor.lag", this, metrics -> safelyDouble(() -> lag(name)))
                    .description("Events in the store the processor has not processed yet: head - position")
                    .baseUnit("events").tag("processor", name).register(registry);
            Gauge.builder("giaoban.processor.parked", this, metrics -> safelyLong(() -> parked.count(name)))
                    .description("Events the processor parked because it could not handle them; an operator retries or drops them")
                    .baseUnit("events").tag("processor", name).register(registry);
            Gauge.builder("giaoban.processor.rebuilding", this,
                            metrics -> monitor.status(name).map(status -> status.rebuilding() ? 1.0 : 0.0).orElse(Double.NaN))
                    .description("1 while a rebuild started through the admin endpoint is replaying, else 0")
                    .tag("processor", name).register(registry);
        }
    }

    private long position(String name) {
        return monitor.processor(name).map(monitor::position).filter(p -> p.isPresent()).map(p -> p.getAsLong())
                .orElse(-1L);
    }

    private double lag(String name) {
        StreamingEventProcessor processor = monitor.processor(name).orElse(null);
        if (processor == null) {
            return Double.NaN;
        }
        var position = monitor.position(processor);
        if (position.isEmpty()) {
            // No segment claimed here (another node has them, or stopped): no lag this node can report.
            return Double.NaN;
        }
        return Math.max(0, monitor.head() - position.getAsLong());
    }

    private static double safelyLong(java.util.function.LongSupplier value) {
        try {
            return value.getAsLong();
        } catch (RuntimeException e) {
            log.debug("Metric unavailable: {}", e.toString());
            return Double.NaN;
        }
    }

    private static double safelyDouble(java.util.function.DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException e) {
            log.debug("Metric unavailable: {}", e.toString());
            return Double.NaN;
        }
    }
}
