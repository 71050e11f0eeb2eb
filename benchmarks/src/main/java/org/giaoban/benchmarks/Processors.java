package org.giaoban.benchmarks;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/** Runs a tracking processor (as the services configure theirs: mode tracking, one thread, one segment) to the end. */
final class Processors {

    private static int runs;

    private Processors() {
    }

    /** Seconds until {@code handler} has seen {@code events} events, the processor's token then stored. */
    static double replay(Infra infra, EmbeddedEventStore store, Object handler, AtomicLong seen, long events, int batchSize)
            throws Exception {
        seen.set(0);
        StreamingEventProcessor processor = kind().equals("pooled") ? pooled(infra, store, handler, batchSize)
                : TrackingEventProcessor.builder()
                .name("bench-" + (++runs))
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(infra.tokenStore())
                .transactionManager(infra.transactions)
                .trackingEventProcessorConfiguration(trackingConfiguration(batchSize))
                .build();
        long start = System.nanoTime();
        processor.start();
        long deadline = start + 3_600_000_000_000L;
        while (seen.get() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay did not finish: " + seen.get() + " of " + events);
            }
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        processor.shutDown();
        return seconds;
    }

    /** One thread and one segment, or {@code --segments=N}: N segments with a thread each, as the services may set. */
    private static TrackingEventProcessorConfiguration trackingConfiguration(int batchSize) {
        int segments = Settings.integer("segments", 1);
        return (segments == 1 ? TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                : TrackingEventProcessorConfiguration.forParallelProcessing(segments).andInitialSegmentsCount(segments))
                .andBatchSize(batchSize);
    }

    static String kind() {
        return Settings.text("processor", "tracking");
    }

    /** Axon's pooled streaming processor: a coordinator reads the stream, a worker thread per segment handles it. */
    private static StreamingEventProcessor pooled(Infra infra, EmbeddedEventStore store, Object handler, int batchSize) {
        int segments = Settings.integer("segments", 1);
        String name = "bench-" + (++runs);
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(infra.tokenStore())
                .transactionManager(infra.transactions)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newScheduledThreadPool(segments))
                .initialSegmentCount(segments)
                .batchSize(batchSize)
                .build();
    }

    static long handled(EventMessage<?> message) {
        return message.getPayload() == null ? 0 : 1;
    }
}
