package org.giaoban.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.giaoban.platform.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's storage engine reads the same rows, with the same timestamps and the same gap-aware tokens, as
 * Axon's own JDBC engine over the same table: with no gaps, with gaps younger than the gap timeout (kept in the
 * token), with gaps older than it (dropped), and from a token in the middle.
 */
@StoreTest
class PlatformJdbcStorageEngineTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    ConnectionProvider connections;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventSchema schema;
    @Autowired
    JdbcClient jdbc;

    /** What a processor and an aggregate see of a stored event. */
    record Seen(TrackingToken token, String id, Instant timestamp, String aggregate, long sequence, String type,
                String payloadType, String payload) {
    }

    @Test
    void theServicesUseIt() {
        assertThat(storage).isInstanceOf(PlatformJdbcStorageEngine.class);
    }

    @Test
    void streamsTheSameEventsAndTokensAsAxonsEngine() {
        jdbc.sql("TRUNCATE domain_event_entry").update();
        Instant old = Instant.now().minus(2, ChronoUnit.HOURS);
        List<String> aggregates = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            String aggregate = "thing:" + UUID.randomUUID();
            aggregates.add(aggregate);
            for (int i = 0; i < 30; i++) {
                // The first half written two hours ago (their gaps are past the timeout), the rest now.
                Instant at = i < 15 ? old.plusMillis(a * 100L + i) : Instant.now();
                storage.appendEvents(new GenericDomainEventMessage<>("Thing", aggregate, i, "payload " + a + "/" + i,
                        Map.of("actor", "test"), UUID.randomUUID().toString(), at));
            }
        }
        // Gaps: rows removed from both the old and the new part of the global index.
        List<Long> indexes = jdbc.sql("SELECT global_index FROM domain_event_entry ORDER BY global_index").query(Long.class).list();
        for (int i : new int[] {3, 4, 5, 17, 40, 61, 62, 80}) {
            jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = ?").param(indexes.get(i)).update();
        }
        BatchingEventStorageEngine axon = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .dataType(byte[].class)
                .batchSize(7)
                .build();
        List<Seen> expected = tracked(axon, null);
        List<Seen> actual = tracked(storage, null);

        assertThat(expected).hasSize(90 - 8);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get(actual.size() - 1).token().toString()).as("recent gaps are kept in the token").contains("gaps=[");
        TrackingToken middle = expected.get(40).token();
        assertThat(tracked(storage, middle)).isEqualTo(tracked(axon, middle));
        for (String aggregate : aggregates) {
            assertThat(domain(storage, aggregate)).isEqualTo(domain(axon, aggregate)).isNotEmpty();
        }
    }

    private List<Seen> tracked(EventStorageEngine engine, TrackingToken from) {
        return transactions.fetchInTransaction(() -> engine.readEvents(from, false)
                .map(message -> (org.axonframework.eventhandling.TrackedEventMessage<?>) message)
                .map(message -> new Seen(message.trackingToken(), message.getIdentifier(), message.getTimestamp(),
                        message instanceof org.axonframework.eventhandling.DomainEventMessage<?> d ? d.getAggregateIdentifier() : null,
                        message instanceof org.axonframework.eventhandling.DomainEventMessage<?> d ? d.getSequenceNumber() : -1,
                        message instanceof org.axonframework.eventhandling.DomainEventMessage<?> d ? d.getType() : null,
                        message.getPayloadType().getName(), String.valueOf(message.getPayload())))
                .collect(Collectors.toList()));
    }

    private List<Seen> domain(EventStorageEngine engine, String aggregate) {
        return transactions.fetchInTransaction(() -> engine.readEvents(aggregate).asStream()
                .map(message -> new Seen(null, message.getIdentifier(), message.getTimestamp(), message.getAggregateIdentifier(),
                        message.getSequenceNumber(), message.getType(), message.getPayloadType().getName(),
                        String.valueOf(message.getPayload())))
                .collect(Collectors.toList()));
    }
}
