package org.giaoban.platform.projections;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * No single event stalls a read model (issue 12): every event processor of the service (each {@code @ProcessingGroup}
 * bean: the projections, the outbox relay, the planners) gets Axon's sequenced dead-letter queue in the service's own
 * database ({@code dead_letter_entry}). An event its handlers cannot handle is retried a bounded number of times
 * ({@code giaoban.projections.attempts-before-parking}, 3 by default), then parked with the later events of the
 * same aggregate, and the processor goes on with every other aggregate. Failures of the infrastructure are never
 * parked ({@link ParkingPolicy}, {@link EventSavepoints}). A rebuild empties the group's queue (its events are replayed anyway).
 *
 * <p>Seen and handled by an operator through {@code /admin/projections/{name}} ({@link ParkedEventQueues}), counted in
 * {@code giaoban_processor_parked_events} and logged.
 */
@Configuration(proxyBeanMethods = false)
public class ParkedEvents {

    /** The table and columns of {@code db/platform/V3__dead_letter_entry.sql}. */
    public static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /** Static, as {@link #eventSavepoints}. */
    @Bean
    static ProjectionFaults projectionFaults() {
        return new ProjectionFaults(Clock.systemUTC());
    }

    /**
     * Static and with its transaction manager looked up late: Axon collects handler enhancers while it builds its
     * handler definition, before the processors this configuration sets up.
     */
    @Bean
    static EventSavepoints eventSavepoints(ProjectionFaults faults, ObjectProvider<PlatformTransactionManager> transactions,
                                           @Value("${giaoban.projections.attempts-before-parking:3}") int attempts) {
        return new EventSavepoints(faults, transactions, attempts);
    }

    @Bean
    ParkedEventQueues parkedEventQueues(org.axonframework.config.EventProcessingConfiguration processing) {
        return new ParkedEventQueues(processing);
    }

    @Autowired
    void parkWhatCannotBeHandled(EventProcessingConfigurer processing, ListableBeanFactory beans, ProjectionFaults faults,
                                 ObjectProvider<ConnectionProvider> connections, ObjectProvider<TransactionManager> transactions,
                                 ObjectProvider<MeterRegistry> metrics) {
        for (String group : processingGroups(beans)) {
            processing.registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(group)
                            .connectionProvider(connections.getObject())
                            .transactionManager(transactions.getObject())
                            .schema(SCHEMA)
                            .genericSerializer(config.serializer())
                            .eventSerializer(config.eventSerializer())
                            .build())
                    .registerDeadLetterPolicy(group, config -> new ParkingPolicy(group, faults, metrics.getIfAvailable()))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> invoker
                            // A rebuild replays every event, parked ones included: their queue starts empty.
                            .allowReset(true)
                            // Only events of sequences known to be parked are looked up in the queue.
                            .enableSequenceIdentifierCache())
                    .registerHandlerInterceptor(group, config -> faults.guard(group));
        }
    }

    /** The processing group of every bean that declares one (processor names are the group names here). */
    static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
