package org.giaoban.competition.round;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every ballot loads its round, which grows to hundreds of events (60 motions, a ballot per participant and motion,
 * changed ballots). A snapshot is taken once a load and the command after it have handled {@code threshold} events, so
 * a round is loaded from its latest snapshot and fewer than about {@code threshold} events after it.
 *
 * <p>The snapshot is taken on a thread of its own ({@value #THREAD}), after the command that crossed the threshold has
 * committed; a failed snapshot is only logged, and one already in progress for the round is not taken twice. Axon's
 * default takes it in the command's thread while the round's lock is still held: with a dozen delegates voting at once,
 * each waiting command held a pooled connection while the snapshot waited for one, and all of them stood still until
 * the pool gave up (30 s; {@code ConcurrentBallotsTest}).
 */
@Configuration(proxyBeanMethods = false)
class RoundSnapshots {

    static final String TRIGGER = "roundSnapshotTrigger";
    static final String THREAD = "round-snapshots";

    @Bean(TRIGGER)
    EventCountSnapshotTriggerDefinition roundSnapshotTrigger(Snapshotter snapshotter,
                                                             @Value("${giaoban.snapshots.round-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Axon's snapshotter as its autoconfiguration builds it, with an executor of its own. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                                    TransactionManager transactionManager, SnapshotterSpanFactory spanFactory,
                                                    @Qualifier(THREAD) ExecutorService snapshots) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshots)
                .build();
    }

    @Bean(name = THREAD, destroyMethod = "shutdown")
    ExecutorService roundSnapshotThread() {
        return Executors.newSingleThreadExecutor(new AxonThreadFactory(THREAD));
    }
}
