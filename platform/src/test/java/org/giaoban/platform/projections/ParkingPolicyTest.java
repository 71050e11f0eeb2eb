package org.giaoban.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;

class ParkingPolicyTest {

    private final ProjectionFaults faults = new ProjectionFaults(Clock.systemUTC());
    private final ParkingPolicy policy = new ParkingPolicy("rounds", faults, null);
    private final EventMessage<?> event = new GenericDomainEventMessage<>("Round", "round:tay-bac-2023", 4, "payload");

    @Test
    void theFirstFailureFailsTheBatchAndMakesTheGroupCareful() {
        IllegalStateException failure = new IllegalStateException("cannot apply");

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("round:tay-bac-2023", event, failure), failure))
                .isSameAs(failure);
        assertThat(faults.careful("rounds")).isTrue();
    }

    @Test
    void whileCarefulAFailingEventIsParkedWithItsCause() {
        faults.batchFailed("rounds");
        DataIntegrityViolationException failure = new DataIntegrityViolationException("INSERT INTO ranking_round",
                new SQLException("value overflows numeric format", "22003"));

        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("round:tay-bac-2023", event, failure), failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().satisfies(cause -> {
            assertThat(((ThrowableCause) cause).type()).isEqualTo(DataIntegrityViolationException.class.getName());
            assertThat(cause.getMessage()).contains("INSERT INTO ranking_round").contains("value overflows numeric format");
        });
    }

    @Test
    void failuresOfTheInfrastructureAreNeverParked() {
        faults.batchFailed("rounds");
        for (Throwable failure : new Throwable[] {
                new DataIntegrityViolationException("x", new SQLException("connection refused", "08001")),
                new IllegalStateException(new java.sql.SQLTransientConnectionException("pool exhausted")),
                new ConcurrencyException("another writer"),
                new DeadlockLoserDataAccessException("deadlock", null),
                new RuntimeException(new org.apache.kafka.common.errors.TimeoutException("no broker")),
                new RuntimeException(new java.util.concurrent.TimeoutException("no acknowledgement"))}) {
            assertThat(ParkingPolicy.transientFailure(failure)).as(failure.toString()).isTrue();
            assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("round:tay-bac-2023", event, failure), failure))
                    .as(failure.toString()).isNotNull();
        }
        assertThat(ParkingPolicy.transientFailure(new SerializationException("unreadable payload"))).isFalse();
        assertThat(ParkingPolicy.transientFailure(new RuntimeException(new ConnectException("refused")))).isFalse();
    }

    @Test
    void aParkedEventThatFailsAgainOnRetryStaysParked() {
        IllegalStateException failure = new IllegalStateException("still cannot apply");
        DeadLetter<EventMessage<?>> fromTheQueue = new JdbcDeadLetter<>("letter-1", 0, "round:tay-bac-2023", Instant.now(),
                Instant.now(), new ThrowableCause("java.lang.IllegalStateException", "cannot apply"), MetaData.emptyInstance(), event);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(fromTheQueue, failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(faults.careful("rounds")).as("a retry by hand says nothing about the processor's batches").isFalse();
    }
}
