package org.giaoban.platform.projections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events each processor has parked ({@link ParkedEvents}), as an operator sees and handles them: listed per
 * sequence (an aggregate: its first parked event holds the later ones back), retried, or dropped.
 */
public class ParkedEventQueues {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventQueues.class);

    private final EventProcessingConfiguration processing;

    public ParkedEventQueues(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * One parked sequence: how many events wait in it, and the first of them (the one that failed), its type, when it
     * was parked and why.
     */
    public record ParkedSequence(String sequence, long events, String eventId, String eventType, Instant parkedAt,
                                 Instant lastTried, String cause) {
    }

    /** Events parked by the processor (0 when it parks nothing). */
    public long count(String processor) {
        return queue(processor).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** The processor's first {@code limit} parked sequences, oldest first. */
    public List<ParkedSequence> sequences(String processor, int limit) {
        List<ParkedSequence> sequences = new ArrayList<>();
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(processor);
        if (queue.isEmpty()) {
            return sequences;
        }
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
            if (sequences.size() >= limit) {
                break;
            }
            long events = 0;
            DeadLetter<? extends EventMessage<?>> first = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                first = first == null ? letter : first;
                events++;
            }
            if (first != null) {
                EventMessage<?> event = first.message();
                sequences.add(new ParkedSequence(ParkingPolicy.sequenceOf(event), events, event.getIdentifier(),
                        event.getPayloadType().getName(), first.enqueuedAt(), first.lastTouched(),
                        first.cause().map(ParkedEventQueues::describe).orElse(null)));
            }
        }
        return sequences;
    }

    public boolean holds(String processor, String sequence) {
        return queue(processor).map(queue -> queue.contains(sequence)).orElse(false);
    }

    /**
     * Hands the sequence's events to the processor's handlers again, in order. Answers whether all of them were
     * handled (and left the queue); one that fails again stays parked with the ones after it.
     */
    public boolean retry(String processor, String sequence, String actor) {
        boolean handled = processing.sequencedDeadLetterProcessor(processor)
                .map(deadLetters -> deadLetters.process(letter -> sequence.equals(ParkingPolicy.sequenceOf(letter.message()))))
                .orElse(false);
        log.info("{} retried the parked events of {} in {}: {}", actor, sequence, processor,
                handled && !holds(processor, sequence) ? "all handled" : "still parked");
        return handled && !holds(processor, sequence);
    }

    /** Removes the sequence's parked events for good; the read model never sees them. Answers how many. */
    public long drop(String processor, String sequence, String actor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor).orElseThrow();
        long dropped = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            queue.evict(letter);
            dropped++;
        }
        log.warn("{} dropped {} parked events of {} from {}: the read model will not show them", actor, dropped, sequence,
                processor);
        return dropped;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return processing.deadLetterQueue(processor);
    }

    private static String describe(Cause cause) {
        return cause.type() + ": " + cause.message();
    }
}
