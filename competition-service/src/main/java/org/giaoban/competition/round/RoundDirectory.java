package org.giaoban.competition.round;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Whether a round exists, answered from the event store, which is never behind. */
@Component
public class RoundDirectory {

    private final EventStore eventStore;

    public RoundDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public boolean exists(String roundId) {
        return eventStore.lastSequenceNumberFor(Round.streamId(roundId)).isPresent();
    }
}
