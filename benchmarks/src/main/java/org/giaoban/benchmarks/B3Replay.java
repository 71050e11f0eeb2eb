package org.giaoban.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.giaoban.platform.eventstore.AxonJdbcStorage;
import org.giaoban.platform.projections.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * B3: a tracking processor replaying {@code --events} (reference 1,000,000) events loaded with COPY, with a no-op
 * handler and with a real projection (an insert per event in the processor's transaction) ÷ a raw ordered scan of the
 * same table with deserialisation of payload and meta data; then the same with a gap of 5,000 in the global index.
 */
final class B3Replay {

    private final Report report;

    B3Replay(Report report) {
        this.report = report;
    }

    /** Takes the payload, so that Axon deserialises it, as the raw scan does. */
    public static final class NoOp {
        final AtomicLong seen = new AtomicLong();

        @EventHandler
        public void on(VoteCast event) {
            seen.incrementAndGet();
        }
    }

    /**
     * A read model row per ballot, written in the processor's (Spring-managed) transaction: either one INSERT round
     * trip per event, or queued with the platform's {@link ProjectionWrites} and sent as a JDBC batch when the
     * processor's batch commits.
     */
    public static final class Projection {
        static final String INSERT = "INSERT INTO bench_ballot_view (ballot_id, round_id, city_id, score) VALUES (?,?,?,?)";
        final AtomicLong seen = new AtomicLong();
        final JdbcTemplate jdbc;
        final ProjectionWrites writes;

        Projection(JdbcTemplate jdbc, boolean batched) {
            this.jdbc = jdbc;
            this.writes = batched ? new ProjectionWrites(jdbc) : null;
        }

        @EventHandler
        public void on(VoteCast event) {
            Object[] row = {event.ballotId() + "/" + event.roundId(), event.roundId(), event.candidateCityId(), event.score()};
            if (writes != null) {
                writes.update(INSERT, row);
            } else {
                jdbc.update(INSERT, row);
            }
            seen.incrementAndGet();
        }
    }

    void run() throws Exception {
        int events = Settings.integer("events", 1_000_000);
        int gap = Settings.integer("gap", 5_000);
        int engineBatch = Settings.integer("engine-batch", AxonJdbcStorage.FETCH_SIZE);
        int[] processorBatches = java.util.Arrays.stream(Settings.text("processor-batch", "1000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String[] projections = Settings.text("projections", "batched,per-event").split(",");
        Map<String, Double> withoutGap = new java.util.HashMap<>();
        for (int g : new int[] {0, gap}) {
            try (Infra infra = Infra.fresh("bench_b3", 4)) {
                double copySeconds = Loader.load(infra, events, 100, g);
                report.note(String.format(Locale.ROOT, "B3: COPY of %d events (gap %d) took %.1f s; table %s", events, g,
                        copySeconds, Report.shell("psql -h " + Settings.dbHost() + " -U " + Settings.dbUser()
                                + " -Atc \"select pg_size_pretty(pg_total_relation_size('domain_event_entry'))\" bench_b3")));
                infra.sql("CREATE TABLE bench_ballot_view (ballot_id VARCHAR(255) PRIMARY KEY, round_id VARCHAR(255),"
                        + " city_id VARCHAR(255), score INT)");
                EmbeddedEventStore store = infra.store(infra.engine(engineBatch));
                String suffix = g == 0 ? "" : ", gap " + g;
                rawScan(infra, events); // warm-up (JIT, page cache)
                double scan = events / rawScan(infra, events);
                record Replay(String what, double rate, double target, String targetText, String gapKey) {
                }
                java.util.List<Replay> replays = new java.util.ArrayList<>();
                if (g == 0) {
                    // The raw scan had its warm-up; so does the processor's path (JIT), on a part of the table.
                    NoOp warmUp = new NoOp();
                    int warmUpEvents = Math.min(events, Settings.integer("replay-warmup", 200_000));
                    Processors.replay(infra, store, warmUp, warmUp.seen, warmUpEvents, processorBatches[0]);
                }
                for (int batch : processorBatches) {
                    NoOp noOp = new NoOp();
                    double replay = events / Processors.replay(infra, store, noOp, noOp.seen, events, batch);
                    replays.add(new Replay("replay, no-op handler, processor batch " + batch + ", engine batch " + engineBatch + suffix,
                            replay, 0.5, ">= 0.5", "no-op, processor batch " + batch));
                    for (String kind : projections) {
                        boolean batched = kind.equals("batched");
                        infra.sql("TRUNCATE bench_ballot_view");
                        Projection projection = new Projection(new JdbcTemplate(infra.dataSource), batched);
                        double projected = events / Processors.replay(infra, store, projection, projection.seen, events, batch);
                        String how = batched ? "an INSERT per event sent as JDBC batches at commit (ProjectionWrites)"
                                : "an INSERT round trip per event";
                        replays.add(new Replay("replay, projection (" + how + "), processor batch " + batch + ", engine batch "
                                + engineBatch + suffix, projected, 0.25, ">= 0.25", "projection " + kind + ", processor batch " + batch));
                        long rows = infra.count("SELECT count(*) FROM bench_ballot_view");
                        if (rows != events) {
                            throw new IllegalStateException("projection has " + rows + " rows, expected " + events);
                        }
                    }
                }
                double scanAfter = events / rawScan(infra, events);
                // The machine is shared: the baseline is the mean of a scan just before and one just after the replays.
                double baseline = (scan + scanAfter) / 2;
                for (Replay r : replays) {
                    report.figure("B3", r.what(), r.rate(), "events/s", "raw ordered scan + deserialisation (mean of before/after)",
                            baseline, r.target(), r.targetText());
                    gapFigure(withoutGap, g, r.gapKey(), r.rate());
                }
                report.note(String.format(Locale.ROOT, "B3: raw scan%s before the replays %.0f events/s, after %.0f events/s",
                        suffix, scan, scanAfter));
                store.shutDown();
            }
        }
        report.note("B3: the gap comparison is between the rows of equal processor batch with and without 'gap' "
                + "(target: no more than 20% slower, i.e. ratio gap/no-gap >= 0.8)");
    }

    private void gapFigure(Map<String, Double> withoutGap, int gap, String what, double rate) {
        if (gap == 0) {
            withoutGap.put(what, rate);
        } else {
            report.figure("B3", "replay with a gap of " + gap + " in the global index, " + what, rate, "events/s",
                    "same replay without the gap", withoutGap.get(what), 0.8, ">= 0.8 (<= 20% slower)");
        }
    }

    /** Seconds to read the table in global index order with a cursor and deserialise every payload and meta data. */
    static double rawScan(Infra infra, long events) throws Exception {
        TypeReference<Map<String, Object>> map = new TypeReference<>() {
        };
        long start = System.nanoTime();
        long n = 0;
        try (Connection c = infra.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                    + " FROM domain_event_entry ORDER BY global_index")) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(6);
                        Class.forName(rs.getString(7));
                        VoteCast event = infra.json.readValue(rs.getBytes(9), VoteCast.class);
                        Map<String, Object> meta = infra.json.readValue(rs.getBytes(10), map);
                        if (event.score() > 0 && meta != null) {
                            n++;
                        }
                    }
                }
            }
            c.commit();
        }
        if (n != events) {
            throw new IllegalStateException("scan read " + n + " of " + events);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
