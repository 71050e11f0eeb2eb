package org.giaoban.platform.projections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.modelling.command.ConcurrencyException;
import org.giaoban.platform.problem.ProblemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an event a processor cannot handle is parked. A failure the infrastructure causes (PostgreSQL unreachable, Kafka
 * not answering, a concurrent writer) is never parked: the batch fails and the processor retries it with back-off, as
 * without a queue, because the event itself is fine. Any other failure is the event's: the first one fails the batch,
 * which the processor retries with its group careful ({@link ProjectionFaults}): each event in a savepoint, tried
 * {@code attempts} times in a row ({@link EventSavepoints}). An event that still fails then is parked with its sequence,
 * and the processor goes on with the others. A parked event that fails again when an operator retries it stays parked.
 */
class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    private final String group;
    private final ProjectionFaults faults;
    private final Counter parked;

    ParkingPolicy(String group, ProjectionFaults faults, MeterRegistry metrics) {
        this.group = group;
        this.faults = faults;
        this.parked = metrics == null ? null : Counter.builder("giaoban.projection.parked.events")
                .description("Events parked because a processor could not handle them (see /admin/projections/{name})")
                .tag("processor", group).register(metrics);
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        if (!(letter instanceof GenericDeadLetter<?>)) {
            // Already in the queue: an operator's retry failed again.
            log.warn("Parked event {} ({}) of {} in {} failed again on retry: {}", event.getIdentifier(),
                    payloadType(event), sequenceOf(event), group, describe(cause));
            return Decisions.requeue(causeOf(cause));
        }
        if (transientFailure(cause)) {
            throw rethrown(cause);
        }
        if (!faults.careful(group)) {
            faults.batchFailed(group);
            log.warn("{} could not handle event {} ({}) of {}; retrying its batch carefully: {}", group, event.getIdentifier(),
                    payloadType(event), sequenceOf(event), describe(cause));
            throw rethrown(cause);
        }
        if (parked != null) {
            parked.increment();
        }
        log.error("Parked event {} ({}) of {} in {}, with the later events of that sequence; the others go on."
                        + " Retry or drop it: /admin/projections/{}. Cause: {}", event.getIdentifier(), payloadType(event),
                sequenceOf(event), group, group, describe(cause));
        return Decisions.enqueue(causeOf(cause));
    }

    /** Failures of the infrastructure rather than of the event: retried for as long as they last, never parked. */
    static boolean transientFailure(Throwable failure) {
        if (ProblemHandler.databaseUnreachable(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String type = cause.getClass().getName();
            if (cause instanceof ConcurrencyException || cause instanceof InterruptedException
                    || type.startsWith("org.apache.kafka.") || type.startsWith("org.springframework.kafka.")
                    || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof org.springframework.dao.TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    /** What the queue keeps of a failure: its type and message (truncated to fit), described down to its root. */
    private static ThrowableCause causeOf(Throwable cause) {
        if (cause instanceof ThrowableCause recorded) {
            return recorded;
        }
        Throwable root = rootOf(cause);
        String message = String.valueOf(cause.getMessage()) + (root == cause ? "" : " (" + root + ")");
        return new ThrowableCause(cause.getClass().getName(),
                message.substring(0, Math.min(message.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE)));
    }

    /** The sequence an event belongs to under the default sequencing policy: its aggregate. */
    static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private static String payloadType(EventMessage<?> event) {
        try {
            return event.getPayloadType().getSimpleName();
        } catch (RuntimeException unreadable) {
            return "unreadable payload";
        }
    }

    private static String describe(Throwable cause) {
        Throwable root = rootOf(cause);
        return cause == root ? cause.toString() : cause + " (" + root + ")";
    }

    private static Throwable rootOf(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static RuntimeException rethrown(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new EventNotHandled(cause);
    }

    /** A checked failure of a handler, carried out of the policy so that the batch fails and is retried. */
    static class EventNotHandled extends RuntimeException {
        EventNotHandled(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
