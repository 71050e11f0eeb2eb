package org.giaoban.membership.roster;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.giaoban.membership.urbanarea.MembershipTimeline;
import org.giaoban.membership.urbanarea.MembershipTimeline.Move;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.Attributes;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberAdmitted;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberWithdrawn;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MembershipRecordRetracted;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaRegistered;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaReorganised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rosters read model: membership periods with their validity, for "who was a member of cluster X on date D",
 * and each urban area's attributes over time. Periods come from the same {@link MembershipTimeline} the aggregate
 * decides with, recomputed for one urban area whenever one of its records arrives or is retracted.
 */
@Component
@ProcessingGroup(RosterProjection.NAME)
public class RosterProjection {

    public static final String NAME = "rosters";

    private final JdbcClient jdbc;

    public RosterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UrbanAreaRegistered event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("INSERT INTO urban_area (urban_area_id, registered_at) VALUES (?, ?)")
                .params(event.urbanAreaId(), Timestamp.from(at)).update();
        recordChange(event.urbanAreaId(), sequence, null, event.attributes());
    }

    @EventHandler
    void on(MemberAdmitted event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        record(eventId, event.urbanAreaId(), Move.ADMISSION, event.clusterId(), event.effectiveFrom(), sequence);
    }

    @EventHandler
    void on(MemberWithdrawn event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        record(eventId, event.urbanAreaId(), Move.EXIT, event.clusterId(), event.effectiveFrom(), sequence);
    }

    @EventHandler
    void on(UrbanAreaReorganised event, @SequenceNumber long sequence) {
        recordChange(event.urbanAreaId(), sequence, event.effectiveFrom(), event.changed());
        if (event.dissolution()) {
            jdbc.sql("UPDATE urban_area SET dissolved_on = ?, dissolved_into = ? WHERE urban_area_id = ?")
                    .params(Date.valueOf(event.effectiveFrom()), event.dissolvedInto().toArray(String[]::new), event.urbanAreaId())
                    .update();
        }
    }

    @EventHandler
    void on(MembershipRecordRetracted event) {
        jdbc.sql("UPDATE membership_record SET retracted = TRUE WHERE event_id = ?").param(event.retractedEventId()).update();
        recomputePeriods(event.urbanAreaId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE membership_record, membership_period, urban_area, urban_area_change").update();
    }

    private void record(String eventId, String urbanAreaId, Move move, String clusterId, java.time.LocalDate from, long order) {
        jdbc.sql("""
                        INSERT INTO membership_record (event_id, urban_area_id, move, cluster_id, effective_from, recorded_order)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(eventId, urbanAreaId, move.name(), clusterId, Date.valueOf(from), order)
                .update();
        recomputePeriods(urbanAreaId);
    }

    private void recomputePeriods(String urbanAreaId) {
        List<MembershipTimeline.Record> records = jdbc.sql("""
                        SELECT event_id, move, cluster_id, effective_from, recorded_order FROM membership_record
                        WHERE urban_area_id = ? AND NOT retracted""")
                .param(urbanAreaId)
                .query((row, i) -> new MembershipTimeline.Record(row.getString("event_id"), Move.valueOf(row.getString("move")),
                        row.getString("cluster_id"), row.getDate("effective_from").toLocalDate(), row.getLong("recorded_order")))
                .list();
        jdbc.sql("DELETE FROM membership_period WHERE urban_area_id = ?").param(urbanAreaId).update();
        for (MembershipTimeline.Period period : MembershipTimeline.of(records).periods()) {
            jdbc.sql("INSERT INTO membership_period (urban_area_id, cluster_id, valid_from, valid_until) VALUES (?, ?, ?, ?)")
                    .params(urbanAreaId, period.clusterId(), Date.valueOf(period.from()),
                            period.until() == null ? null : Date.valueOf(period.until()))
                    .update();
        }
    }

    private void recordChange(String urbanAreaId, long order, java.time.LocalDate effectiveFrom, Attributes changed) {
        jdbc.sql("""
                        INSERT INTO urban_area_change (urban_area_id, recorded_order, effective_from, name, kind, province, urban_class)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(urbanAreaId, order, effectiveFrom == null ? null : Date.valueOf(effectiveFrom), changed.name(),
                        changed.kind() == null ? null : changed.kind().name(), changed.province(),
                        changed.urbanClass() == null ? null : changed.urbanClass().name())
                .update();
    }
}
