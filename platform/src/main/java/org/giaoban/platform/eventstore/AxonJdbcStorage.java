package org.giaoban.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC storage engine and token store on the tables of {@code db/platform/V1__axon_event_store.sql}.
 * JDBC rather than JPA: Hibernate 6 would map the payloads to large objects and pool the global index sequence.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
public class AxonJdbcStorage implements BeanClassLoaderAware {

    /** How often the event store looks for events appended without its knowing (see {@link #eventStore}). */
    public static final long FETCH_DELAY_MILLIS = 100;

    /** Events per query when a processor reads the store. */
    public static final int FETCH_SIZE = 1000;

    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * The storage engine as Axon's {@code JdbcAutoConfiguration} defines it (events with the event serializer, the
     * upcasters and snapshot filter of the Axon configuration, {@code byte[]} payloads), except for snapshots, which
     * are written with the {@link SnapshotSerializer} rather than the general serializer, and the number of events a
     * processor's stream fetches per query ({@value #FETCH_SIZE} rather than 100: a rebuild replays the whole store, and
     * each query costs a round trip and a gap check; docs/benchmarks, B3); stored timestamps are read once, quickly
     * ({@link PlatformJdbcStorageEngine}).
     */
    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class})
    EventStorageEngine eventStorageEngine(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        JdbcEventStorageEngine.Builder builder = PlatformJdbcStorageEngine.builder(eventSchema)
                .snapshotSerializer(SnapshotSerializer.over(objectMapper, revisionResolver, classLoader))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .dataType(byte[].class) // Axon's default, as before: the BYTEA columns
                .batchSize(FETCH_SIZE);
        return new PlatformJdbcStorageEngine(builder, eventSchema);
    }

    /**
     * Axon's embedded event store as its autoconfiguration builds it, except that its reader asks the storage for new
     * events every {@value #FETCH_DELAY_MILLIS} ms rather than every second when nothing told it of any. It is told of
     * events appended by a unit of work of this process when that unit of work commits, which is too early when the
     * unit of work runs inside a longer Spring transaction (the inbox: the message's effect and its processed_message
     * row commit together), and it is never told of events appended by another instance of the service: those waited
     * up to a second before any projection saw them (docs/benchmarks, B6: a concluded round's draft).
     */
    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(FETCH_DELAY_MILLIS)
                .build();
    }

    @Bean
    EventSchema eventSchema() {
        return events();
    }

    /** The event and snapshot tables' names, for whatever else opens the store (e.g. the benchmarks). */
    public static EventSchema events() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * PostgreSQL reports a second event under the same (aggregate, sequence) as SQLState 23505 in a PSQLException,
     * which Axon's JDBC default resolver (it looks for SQLIntegrityConstraintViolationException) does not recognise.
     * Two service instances writing one aggregate at once would then fail as a store error (503) instead of a
     * concurrency conflict, which the command gateway retries and answers 409 when it must.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    TokenSchema tokenSchema() {
        return tokens();
    }

    /** The token table's names. */
    public static TokenSchema tokens() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
