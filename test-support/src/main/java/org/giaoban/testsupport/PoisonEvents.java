package org.giaoban.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Events planted straight into a service's event store, bypassing its aggregates: payloads no projection can apply
 * (JSON that does not fit the event's type, or values the read model's tables cannot hold), to show that one such
 * event never stalls a read model.
 */
public final class PoisonEvents {

    private PoisonEvents() {
    }

    /** Stores an event of {@code payloadType} with the raw JSON {@code payload} as event {@code sequence} of the aggregate. */
    public static String plant(DataSource dataSource, String aggregateId, long sequence, String payloadType, String payload) {
        String eventId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                     payload_type, payload_revision, payload, meta_data)
                     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""")) {
            connection.setAutoCommit(true);
            insert.setString(1, eventId);
            insert.setString(2, aggregateId);
            insert.setLong(3, sequence);
            insert.setString(4, "Poison");
            insert.setString(5, Instant.now().toString());
            insert.setString(6, payloadType);
            insert.setBytes(7, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(8, "{\"actor\":\"poison-test\"}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
            return eventId;
        } catch (SQLException e) {
            throw new IllegalStateException("could not plant a poison event", e);
        }
    }
}
