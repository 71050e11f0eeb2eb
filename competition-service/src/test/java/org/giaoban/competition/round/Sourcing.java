package org.giaoban.competition.round;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * A round rebuilt outside the command bus as Axon's repository rebuilds it: from the snapshot the stream may start
 * with, then the events.
 */
final class Sourcing {

    private Sourcing() {
    }

    static Round round(DomainEventStream stream) {
        DomainEventMessage<?> first = stream.peek();
        Round root = new GenericAggregateFactory<>(Round.class).createAggregateRoot(first.getAggregateIdentifier(), first);
        EventSourcedAggregate<Round> aggregate = EventSourcedAggregate.initialize(root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Round.class), null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(stream);
        return aggregate.getAggregateRoot();
    }

    /** The round of {@code roundId} with {@code events} (payloads) as its history. */
    static Round round(String roundId, List<?> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>("Round", Round.streamId(roundId), messages.size(), event));
        }
        return round(DomainEventStream.of(messages));
    }
}
