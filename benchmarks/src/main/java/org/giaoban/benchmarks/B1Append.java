package org.giaoban.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;

/**
 * B1: events appended through Axon (a unit of work with Spring's transaction, EmbeddedEventStore.publish, the JDBC
 * engine) ÷ the same rows inserted with plain JDBC, one event per transaction, same threads, same table.
 */
final class B1Append {

    private static final String INSERT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)";

    private final Report report;

    B1Append(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        int perThread = Settings.integer("b1-events", 2000);
        int rounds = Settings.integer("b1-rounds", 2);
        String[] threadCounts = Settings.text("b1-threads", "2,4").split(",");
        try (Infra infra = Infra.fresh("bench_b1", 8)) {
            EmbeddedEventStore store = infra.store(infra.engine(100));
            // Warm-up of both paths (JIT, pool, catalogue caches).
            raw(infra, 2, 300);
            axon(infra, store, 2, 300);
            for (String t : threadCounts) {
                int threads = Integer.parseInt(t.trim());
                double rawBest = 0, axonBest = 0;
                for (int r = 0; r < rounds; r++) {
                    infra.sql("TRUNCATE domain_event_entry");
                    rawBest = Math.max(rawBest, raw(infra, threads, perThread));
                    infra.sql("TRUNCATE domain_event_entry");
                    axonBest = Math.max(axonBest, axon(infra, store, threads, perThread));
                }
                report.figure("B1", "Axon append, " + threads + " threads, 1 event/tx", axonBest, "events/s",
                        "raw JDBC insert, 1 row/tx", rawBest, 0.7, ">= 0.7");
            }
            report.note("B1: " + perThread + " events per thread per run, best of " + rounds
                    + " alternating runs (raw, Axon) on a truncated table, fresh database bench_b1; synchronous_commit="
                    + Report.shell("psql -h " + Settings.dbHost() + " -U " + Settings.dbUser() + " -Atc 'show synchronous_commit' postgres"));
            store.shutDown();
        }
    }

    private static MetaData metaData() {
        return MetaData.with("actor", "delegate-7").and("correlationId", UUID.randomUUID().toString());
    }

    private double axon(Infra infra, EmbeddedEventStore store, int threads, int perThread) throws Exception {
        return parallel(threads, perThread, (thread, i) -> {
            String aggregate = "axon-" + thread + "-" + runId;
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            uow.attachTransaction(infra.transactions);
            store.publish(new GenericDomainEventMessage<>("Round", aggregate, i, VoteCast.sample(aggregate, i), metaData()));
            uow.commit();
        });
    }

    private double raw(Infra infra, int threads, int perThread) throws Exception {
        return parallel(threads, perThread, new Op() {
            final ThreadLocal<Connection> connection = new ThreadLocal<>();

            @Override
            public void apply(int thread, long i) throws Exception {
                Connection c = infra.dataSource.getConnection();
                try {
                    c.setAutoCommit(false);
                    String aggregate = "raw-" + thread + "-" + runId;
                    SerializedObject<byte[]> payload = infra.serializer.serialize(VoteCast.sample(aggregate, i), byte[].class);
                    SerializedObject<byte[]> meta = infra.serializer.serialize(metaData(), byte[].class);
                    try (PreparedStatement s = c.prepareStatement(INSERT)) {
                        s.setString(1, UUID.randomUUID().toString());
                        s.setString(2, aggregate);
                        s.setLong(3, i);
                        s.setString(4, "Round");
                        s.setString(5, Instant.now().toString());
                        s.setString(6, payload.getType().getName());
                        s.setString(7, payload.getType().getRevision());
                        s.setBytes(8, payload.getData());
                        s.setBytes(9, meta.getData());
                        s.executeUpdate();
                    }
                    c.commit();
                } finally {
                    c.close();
                }
            }
        });
    }

    private static long runId;

    interface Op {
        void apply(int thread, long i) throws Exception;
    }

    /** Events per second of {@code threads} threads each doing {@code perThread} operations. */
    private static double parallel(int threads, int perThread, Op op) throws Exception {
        runId++;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            AtomicLong count = new AtomicLong();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (long i = 0; i < perThread; i++) {
                        op.apply(thread, i);
                        count.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return count.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
