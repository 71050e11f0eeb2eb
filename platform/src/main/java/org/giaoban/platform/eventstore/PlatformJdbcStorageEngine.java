package org.giaoban.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, reading each stored event's timestamp once and with {@link StoredTimestamps} rather
 * than parsing the text again on every {@code getTimestamp()} (twice per event in a processor's stream, and for every
 * event of an aggregate it loads). Everything else, including how gaps in the global index are tracked, is Axon's:
 * the reading of a tracked row below follows {@code JdbcEventStorageEngine#getTrackedEventData} of Axon 4.13, and
 * {@code PlatformJdbcStorageEngineTest} checks that both give the same rows and tokens.
 */
public class PlatformJdbcStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set explicitly on the builder, since the engine keeps its own copies private. */
    public static final int MAX_GAP_OFFSET = 10_000;
    public static final long LOWEST_GLOBAL_SEQUENCE = 1;
    public static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final EventSchema schema;

    /** A builder with the gap settings this engine relies on; complete it and pass it to the constructor. */
    public static Builder builder(EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .schema(schema)
                .maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS);
    }

    public PlatformJdbcStorageEngine(Builder builder, EventSchema schema) {
        super(builder);
        this.schema = schema;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken) throws SQLException {
        long globalSequence = row.getLong(schema.globalIndexColumn());
        StoredEvent<?> event = event(row);
        boolean allowGaps = event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            SortedSet<Long> gaps = allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                    .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet();
            token = GapAwareTrackingToken.newInstance(globalSequence, gaps);
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        return event(row);
    }

    private StoredEvent<Object> event(ResultSet row) throws SQLException {
        String eventIdentifier = row.getString(schema.eventIdentifierColumn());
        String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
        Object timestamp = readTimeStamp(row, schema.timestampColumn());
        return new StoredEvent<>(row.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                row.getLong(schema.sequenceNumberColumn()), eventIdentifier, timestamp,
                row.getString(schema.payloadTypeColumn()), row.getString(schema.payloadRevisionColumn()),
                readPayload(row, schema.payloadColumn()), readPayload(row, schema.metaDataColumn()));
    }

    /** A stored event whose timestamp was parsed once, when it was read. */
    static final class StoredEvent<T> extends GenericDomainEventEntry<T> {
        private final Instant timestamp;

        StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, Object timestamp,
                    String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = timestamp instanceof Instant instant ? instant : StoredTimestamps.parse(timestamp.toString());
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
