package org.giaoban.membership.urbanarea;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.membership.cluster.Cluster;
import org.springframework.stereotype.Component;

/** Answers from the event store, which is never behind: a stream exists once its first event is stored. */
@Component
class EventStoreRegistry implements Registry {

    private final EventStore eventStore;

    EventStoreRegistry(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean clusterExists(String clusterId) {
        return eventStore.lastSequenceNumberFor(Cluster.streamId(clusterId)).isPresent();
    }

    @Override
    public boolean urbanAreaExists(String urbanAreaId) {
        return eventStore.lastSequenceNumberFor(UrbanArea.streamId(urbanAreaId)).isPresent();
    }
}
