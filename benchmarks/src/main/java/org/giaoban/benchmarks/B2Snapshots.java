package org.giaoban.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;

/**
 * B2: loading an aggregate of {@code --b2-events} (default 1,200) events through Axon's EventSourcingRepository, with
 * a snapshot (taken by Axon's AggregateSnapshotter, followed by {@code --b2-tail} more events: default 20, the most that
 * the competition service's trigger of a Round snapshot every 20 events leaves) ÷ the same load without a snapshot.
 */
final class B2Snapshots {

    private final Report report;

    B2Snapshots(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        int events = Settings.integer("b2-events", 1200);
        // The competition service snapshots a Round every 20 events (giaoban.snapshots.round-threshold): at most 20 after it.
        int tail = Settings.integer("b2-tail", 20);
        int aggregates = Settings.integer("b2-aggregates", 4);
        int loads = Settings.integer("b2-loads", 40);
        try (Infra infra = Infra.fresh("bench_b2", 4)) {
            EmbeddedEventStore store = infra.store(infra.engine(100));
            AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                    .eventStore(store)
                    .aggregateFactories(new GenericAggregateFactory<>(Tally.class))
                    .transactionManager(infra.transactions)
                    .build();
            EventSourcingRepository<Tally> repository = EventSourcingRepository.builder(Tally.class).eventStore(store).build();
            List<String> plain = new ArrayList<>();
            List<String> snapshotted = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                plain.add(append(infra, store, "plain-" + a, 0, events));
                String id = append(infra, store, "snap-" + a, 0, events - tail);
                snapshotter.scheduleSnapshot(Tally.class, id);
                append(infra, store, id, events - tail, events);
                snapshotted.add(id);
            }
            long snapshots = infra.count("SELECT count(*) FROM snapshot_event_entry");
            if (snapshots != aggregates) {
                throw new IllegalStateException("expected " + aggregates + " snapshots, found " + snapshots);
            }
            // Warm-up, then alternate so that both see the same machine.
            for (int i = 0; i < 10; i++) {
                load(infra, repository, plain.get(0), events);
                load(infra, repository, snapshotted.get(0), events);
            }
            double[] without = new double[loads];
            double[] with = new double[loads];
            for (int i = 0; i < loads; i++) {
                without[i] = load(infra, repository, plain.get(i % aggregates), events);
                with[i] = load(infra, repository, snapshotted.get(i % aggregates), events);
            }
            double withoutMedian = median(without);
            double withMedian = median(with);
            report.figure("B2", "load " + events + "-event aggregate, snapshot + " + tail + " events (loads/s, median)",
                    1000 / withMedian, "loads/s", "same load without snapshot", 1000 / withoutMedian, 8, ">= 8x");
            report.note(String.format(Locale.ROOT, "B2: median load %.2f ms with snapshot, %.2f ms without (%d loads each, %d aggregates of %d events)",
                    withMedian, withoutMedian, loads, aggregates, events));
            store.shutDown();
        }
    }

    private static String append(Infra infra, EmbeddedEventStore store, String id, int from, int to) {
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        uow.attachTransaction(infra.transactions);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(new GenericDomainEventMessage<>("Tally", id, i, VoteCast.sample(id, i), MetaData.with("actor", "bench")));
        }
        store.publish(batch);
        uow.commit();
        return id;
    }

    /** Milliseconds to load the aggregate in a unit of work with a transaction, as a command handler would. */
    private static double load(Infra infra, EventSourcingRepository<Tally> repository, String id, int events) {
        long start = System.nanoTime();
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        uow.attachTransaction(infra.transactions);
        Aggregate<Tally> aggregate = repository.load(id);
        long ballots = aggregate.invoke(t -> t.ballots);
        uow.commit();
        double ms = (System.nanoTime() - start) / 1e6;
        if (ballots != events) {
            throw new IllegalStateException(id + ": " + ballots + " ballots, expected " + events);
        }
        return ms;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
