package org.giaoban.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC storage engine and token store on the tables of {@code db/platform/V1__axon_event_store.sql}.
 * JDBC rather than JPA: Hibernate 6 would map the payloads to large objects and pool the global index sequence.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class AxonJdbcStorage {

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
