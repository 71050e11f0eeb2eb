package org.giaoban.benchmarks;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.postgresql.PGConnection;

/** Loads events straight into domain_event_entry with COPY: rows as Axon's JDBC engine writes them, no commands. */
final class Loader {

    private Loader() {
    }

    /**
     * {@code events} events over aggregates of {@code perAggregate} events; a gap of {@code gap} global indexes after
     * the first half. Returns the seconds the COPY took.
     */
    static double load(Infra infra, int events, int perAggregate, int gap) throws Exception {
        HexFormat hex = HexFormat.of();
        long start = System.nanoTime();
        try (Connection c = infra.dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                    + " time_stamp, payload_type, payload_revision, payload, meta_data) FROM STDIN WITH (FORMAT csv)";
            StringBuilder chunk = new StringBuilder();
            // History is replayed long after it was written: a day old, so that Axon's gap cleaning (gap timeout 60 s)
            // may drop gaps as it would for real history; --event-age-seconds=0 writes them as just stored.
            String timestamp = DateTimeUtils.formatInstant(Instant.now().minusSeconds(Settings.integer("event-age-seconds", 86_400)));
            for (long n = 0; n < events; n++) {
                long globalIndex = n + 1 + (n >= events / 2 ? gap : 0);
                String aggregate = "round-" + (n / perAggregate);
                SerializedObject<byte[]> payload = infra.serializer.serialize(VoteCast.sample(aggregate, n), byte[].class);
                SerializedObject<byte[]> meta = infra.serializer.serialize(
                        MetaData.with("actor", "delegate-" + (n % 37)).and("correlationId", "c-" + n), byte[].class);
                chunk.append(globalIndex).append(',').append(UUID.randomUUID()).append(',').append(aggregate).append(',')
                        .append(n % perAggregate).append(",Round,").append(timestamp).append(',')
                        .append(payload.getType().getName()).append(",,\\x").append(hex.formatHex(payload.getData()))
                        .append(",\\x").append(hex.formatHex(meta.getData())).append('\n');
                if (chunk.length() > 8_000_000) {
                    copy.copyIn(sql, new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
            if (chunk.length() > 0) {
                copy.copyIn(sql, new StringReader(chunk.toString()));
            }
        }
        infra.sql("SELECT setval('domain_event_entry_global_index_seq', (SELECT max(global_index) FROM domain_event_entry))");
        infra.sql("VACUUM ANALYZE domain_event_entry");
        return (System.nanoTime() - start) / 1e9;
    }
}
