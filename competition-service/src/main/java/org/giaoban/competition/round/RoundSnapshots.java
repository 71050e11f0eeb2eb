package org.giaoban.competition.round;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every ballot loads its round, which grows to hundreds of events (60 motions, a ballot per participant and motion,
 * changed ballots). A snapshot is taken once a load and the command after it have handled {@code threshold} events, so
 * a round is loaded from its latest snapshot and fewer than about {@code threshold} events after it.
 *
 * <p>Axon's snapshotter takes the snapshot in the thread of the command that crossed the threshold, once that
 * command's transaction has committed: its events are stored and its outcome decided by then (a failed snapshot is
 * only logged), but its answer waits for the snapshot (reading the previous snapshot and the events since, writing the
 * new one, a few milliseconds), and so, on this instance, do the next commands on the same round, whose lock is
 * released after it. Once in about {@code threshold} commands, against a shorter load for every command.
 */
@Configuration(proxyBeanMethods = false)
class RoundSnapshots {

    static final String TRIGGER = "roundSnapshotTrigger";

    @Bean(TRIGGER)
    EventCountSnapshotTriggerDefinition roundSnapshotTrigger(Snapshotter snapshotter,
                                                             @Value("${giaoban.snapshots.round-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
