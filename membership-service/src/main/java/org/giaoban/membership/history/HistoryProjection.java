package org.giaoban.membership.history;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberAdmitted;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberWithdrawn;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MembershipRecordRetracted;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaRegistered;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaReorganised;
import org.giaoban.platform.eventstore.Metadata;
import org.giaoban.platform.projections.ProjectionFaults;
import org.giaoban.platform.projections.ProjectionWrites;
import org.giaoban.platform.web.RequestContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every recorded change of an urban area: what, from when, who recorded it, when, and whether it was retracted. */
@Component
@ProcessingGroup(HistoryProjection.NAME)
public class HistoryProjection {

    public static final String NAME = "urban-area-history";

    private final JdbcClient jdbc;
    /** Rows go out as one JDBC batch per processor batch: a rebuild replays every change ever recorded. */
    private final ProjectionWrites writes;
    private final ObjectMapper json;

    public HistoryProjection(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ProjectionFaults faults, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = new ProjectionWrites(jdbcTemplate, faults);
        this.json = json;
    }

    public record Entry(String eventId, String change, LocalDate effectiveFrom, String clusterId, Map<String, Object> details,
                        Instant recordedAt, String recordedBy, String correlationId, String retractedBy) {
    }

    @EventHandler
    void on(UrbanAreaRegistered event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", event.name());
        details.put("kind", event.kind());
        details.put("province", event.province());
        details.put("urbanClass", event.urbanClass());
        insert(message, event.urbanAreaId(), "REGISTERED", null, null, details);
    }

    @EventHandler
    void on(MemberAdmitted event, DomainEventMessage<?> message) {
        insert(message, event.urbanAreaId(), "ADMITTED", event.effectiveFrom(), event.clusterId(), Map.of());
    }

    @EventHandler
    void on(MemberWithdrawn event, DomainEventMessage<?> message) {
        insert(message, event.urbanAreaId(), "WITHDRAWN", event.effectiveFrom(), event.clusterId(), Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(UrbanAreaReorganised event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", event.changed());
        details.put("resulting", event.resulting());
        details.put("dissolvedInto", event.dissolvedInto());
        details.put("note", event.note());
        insert(message, event.urbanAreaId(), event.dissolution() ? "DISSOLVED" : "REORGANISED", event.effectiveFrom(),
                event.clusterId(), details);
    }

    @EventHandler
    void on(MembershipRecordRetracted event, DomainEventMessage<?> message) {
        insert(message, event.urbanAreaId(), "RETRACTED", null, null,
                Map.of("retractedEventId", event.retractedEventId(), "note", event.note()));
        writes.update("UPDATE urban_area_history SET retracted_by = ? WHERE event_id = ?",
                message.getIdentifier(), event.retractedEventId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE urban_area_history").update();
    }

    /** The history of one urban area in the order it was recorded; empty when it was never registered. */
    public List<Entry> of(String urbanAreaId) {
        return jdbc.sql("SELECT * FROM urban_area_history WHERE urban_area_id = ? ORDER BY recorded_order")
                .param(urbanAreaId)
                .query((row, i) -> new Entry(row.getString("event_id"), row.getString("change"),
                        row.getDate("effective_from") == null ? null : row.getDate("effective_from").toLocalDate(),
                        row.getString("cluster_id"), read(row.getString("details")),
                        row.getTimestamp("recorded_at").toInstant(), row.getString("recorded_by"),
                        row.getString("correlation_id"), row.getString("retracted_by")))
                .list();
    }

    private void insert(DomainEventMessage<?> message, String urbanAreaId, String change, LocalDate effectiveFrom,
                        String clusterId, Map<String, Object> details) {
        writes.update("""
                        INSERT INTO urban_area_history (event_id, urban_area_id, recorded_order, change, effective_from, cluster_id,
                                                        details, recorded_at, recorded_by, correlation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                message.getIdentifier(), urbanAreaId, message.getSequenceNumber(), change,
                effectiveFrom == null ? null : Date.valueOf(effectiveFrom), clusterId, write(details),
                Timestamp.from(message.getTimestamp()), actor(message), metadata(message, Metadata.CORRELATION_ID));
    }

    private static String actor(EventMessage<?> message) {
        String actor = metadata(message, Metadata.ACTOR);
        return actor == null ? RequestContext.ANONYMOUS : actor;
    }

    private static String metadata(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String details) {
        try {
            return json.readValue(details, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
