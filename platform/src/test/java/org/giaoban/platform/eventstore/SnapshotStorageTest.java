package org.giaoban.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.giaoban.platform.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event store writes an aggregate's snapshot as its fields, which is how aggregates keep their state (private, no
 * getters), and everything else as before: events with the event serializer, other JSON with the application's mapper.
 */
@StoreTest
class SnapshotStorageTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer generalSerializer;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcClient jdbc;

    /** State as an aggregate keeps it: private fields, a private class without a public constructor, a record, a date. */
    static final class Tally {
        private String id;
        private LocalDate openedOn;
        private final Map<String, Line> lines = new LinkedHashMap<>();

        private Tally() {
        }

        Tally(String id, LocalDate openedOn) {
            this.id = id;
            this.openedOn = openedOn;
        }

        /** Not state: a snapshot holds fields, not what getters say. */
        public int getTotal() {
            return lines.values().stream().mapToInt(line -> line.count).sum();
        }

        private static final class Line {
            private final Last last;
            private int count;

            private Line() {
                last = null;
            }

            Line(Last last, int count) {
                this.last = last;
                this.count = count;
            }
        }

        private record Last(String voter, LocalDate on) {
        }
    }

    @Test
    void aSnapshotIsTheAggregatesFieldsAndEventsAreWrittenAsBefore() throws Exception {
        AbstractEventStorageEngine engine = (AbstractEventStorageEngine) storage;
        assertThat(engine.getEventSerializer()).isSameAs(eventSerializer);
        assertThat(engine.getSnapshotSerializer()).isNotSameAs(generalSerializer).isNotSameAs(eventSerializer);

        String id = "tally:" + UUID.randomUUID();
        Tally tally = new Tally(id, LocalDate.of(2023, 9, 24));
        tally.lines.put("son-la", new Tally.Line(new Tally.Last("son-la", LocalDate.of(2023, 9, 25)), 2));
        tally.lines.put("hoa-binh", new Tally.Line(new Tally.Last("hoa-binh", LocalDate.of(2023, 9, 24)), 1));
        storage.appendEvents(new GenericDomainEventMessage<>("Tally", id, 0, new Last("son-la", LocalDate.of(2023, 9, 25))));
        storage.storeSnapshot(new GenericDomainEventMessage<>("Tally", id, 0, tally));

        DomainEventMessage<?> snapshot = storage.readSnapshot(id).orElseThrow();
        assertThat(snapshot.getPayload()).usingRecursiveComparison().isEqualTo(tally);
        JsonNode stored = objectMapper.readTree(jdbc.sql("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(byte[].class).single());
        assertThat(stored.path("openedOn").asText()).isEqualTo("2023-09-24");
        assertThat(stored.has("total")).as("getters are not state").isFalse();
        assertThat(stored.path("lines").fieldNames()).toIterable().containsExactly("son-la", "hoa-binh");

        // Events, and the application's own JSON, still go through getters and record accessors.
        byte[] event = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(byte[].class).single();
        assertThat(objectMapper.readTree(event)).isEqualTo(objectMapper.readTree("{\"voter\":\"son-la\",\"on\":\"2023-09-25\"}"));
        assertThat(objectMapper.readTree(objectMapper.writeValueAsString(tally))).isEqualTo(objectMapper.readTree("{\"total\":3}"));
    }

    /** An event. */
    public record Last(String voter, LocalDate on) {
    }
}
