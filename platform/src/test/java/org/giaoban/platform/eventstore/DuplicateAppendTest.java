package org.giaoban.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.giaoban.platform.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a second service instance meets when both append to one aggregate at once (one instance's aggregate lock
 * cannot prevent it): PostgreSQL's duplicate (aggregate, sequence) key must surface as a concurrency conflict — which
 * the command gateway retries, or answers 409 — and not as a store failure (503).
 */
@StoreTest
class DuplicateAppendTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondEventUnderTheSameAggregateAndSequenceIsAConcurrencyConflict() {
        String aggregate = "thing:" + UUID.randomUUID();
        storage.appendEvents(new GenericDomainEventMessage<>("Thing", aggregate, 0, "created"));
        // Two creations at once: Axon's own exception for a reused stream id, which the command gateway retries too.
        assertThatThrownBy(() -> storage.appendEvents(new GenericDomainEventMessage<>("Thing", aggregate, 0, "created again")))
                .isInstanceOf(AggregateStreamCreationException.class);
        storage.appendEvents(new GenericDomainEventMessage<>("Thing", aggregate, 1, "changed"));
        assertThatThrownBy(() -> storage.appendEvents(new GenericDomainEventMessage<>("Thing", aggregate, 1, "changed elsewhere at once")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(aggregate)
                .query(Long.class).single()).isEqualTo(2);
    }
}
