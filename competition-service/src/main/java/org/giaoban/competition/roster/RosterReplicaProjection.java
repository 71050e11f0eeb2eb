package org.giaoban.competition.roster;

import java.sql.Date;
import java.time.LocalDate;

import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.ClusterRenamed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.MemberWithdrawn;
import org.giaoban.contracts.membership.MembershipRecordRetracted;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.giaoban.platform.inbox.Envelope;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the roster replica's tables ({@code db/migration/V100__roster_replica.sql}) from the membership service's
 * integration events. Each method runs inside the inbox's transaction for one message ({@link RosterReplicaConsumer}),
 * so a message's effect and the record that it was handled commit together, once per {@code ce_id}.
 *
 * <p>It stores facts as published and decides nothing: who is a member on a day is derived when asked
 * ({@link RosterReplica#membersOn}), from every non-retracted record, so records that arrive late (back-dated, or
 * replayed from the dead-letter topic) take their place by effective date.
 */
@Component
class RosterReplicaProjection {

    enum Move { ADMISSION, EXIT }

    private final JdbcClient jdbc;

    RosterReplicaProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void on(ClusterFormed event, Envelope envelope) {
        clusterNamed(event.clusterId(), event.name(), envelope);
    }

    void on(ClusterRenamed event, Envelope envelope) {
        clusterNamed(event.clusterId(), event.name(), envelope);
    }

    void on(UrbanAreaRegistered event, Envelope envelope) {
        urbanAreaNamed(envelope, event.urbanAreaId(), null, event.name());
    }

    /** Only the name matters here: the end of a membership by dissolution comes as its own {@link MemberWithdrawn}. */
    void on(UrbanAreaReorganised event, Envelope envelope) {
        if (event.name() != null && !event.name().isBlank()) {
            urbanAreaNamed(envelope, event.urbanAreaId(), event.effectiveFrom(), event.name());
        }
    }

    void on(MemberAdmitted event, Envelope envelope) {
        membershipRecord(envelope, event.urbanAreaId(), Move.ADMISSION, event.clusterId(), event.effectiveFrom());
    }

    /** A withdrawal, or the end of a membership by dissolution (reason {@code DISSOLVED}): a way out either way. */
    void on(MemberWithdrawn event, Envelope envelope) {
        membershipRecord(envelope, event.urbanAreaId(), Move.EXIT, event.clusterId(), event.effectiveFrom());
    }

    void on(MembershipRecordRetracted event, Envelope envelope) {
        jdbc.sql("""
                        INSERT INTO roster_replica_retraction (retracted_event_id, urban_area_id, event_id)
                        VALUES (:retracted, :urbanAreaId, :eventId)
                        ON CONFLICT (retracted_event_id) DO NOTHING""")
                .param("retracted", event.retractedEventId())
                .param("urbanAreaId", event.urbanAreaId())
                .param("eventId", envelope.id())
                .update();
        jdbc.sql("UPDATE roster_replica_membership_record SET retracted = TRUE WHERE event_id = :retracted")
                .param("retracted", event.retractedEventId())
                .update();
    }

    private void clusterNamed(String clusterId, String name, Envelope envelope) {
        jdbc.sql("""
                        INSERT INTO roster_replica_cluster (cluster_id, name, kafka_offset) VALUES (:clusterId, :name, :offset)
                        ON CONFLICT (cluster_id) DO UPDATE SET name = EXCLUDED.name, kafka_offset = EXCLUDED.kafka_offset
                        WHERE roster_replica_cluster.kafka_offset < EXCLUDED.kafka_offset""")
                .param("clusterId", clusterId)
                .param("name", VietnameseText.nfc(name))
                .param("offset", offset(envelope))
                .update();
    }

    private void urbanAreaNamed(Envelope envelope, String urbanAreaId, LocalDate effectiveFrom, String name) {
        jdbc.sql("""
                        INSERT INTO roster_replica_urban_area_name (event_id, urban_area_id, effective_from, name, kafka_offset)
                        VALUES (:eventId, :urbanAreaId, :effectiveFrom, :name, :offset)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", envelope.id())
                .param("urbanAreaId", urbanAreaId)
                .param("effectiveFrom", effectiveFrom == null ? null : Date.valueOf(effectiveFrom))
                .param("name", VietnameseText.nfc(name))
                .param("offset", offset(envelope))
                .update();
    }

    private void membershipRecord(Envelope envelope, String urbanAreaId, Move move, String clusterId, LocalDate effectiveFrom) {
        if (effectiveFrom == null) {
            // Parked after the retries: a record without a date cannot be placed on any roster.
            throw new IllegalArgumentException(move + " " + envelope.id() + " of " + urbanAreaId + " has no effectiveFrom");
        }
        jdbc.sql("""
                        INSERT INTO roster_replica_membership_record
                            (event_id, urban_area_id, move, cluster_id, effective_from, kafka_offset, retracted)
                        VALUES (:eventId, :urbanAreaId, :move, :clusterId, :effectiveFrom, :offset,
                                EXISTS (SELECT 1 FROM roster_replica_retraction WHERE retracted_event_id = :eventId))
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", envelope.id())
                .param("urbanAreaId", urbanAreaId)
                .param("move", move.name())
                .param("clusterId", clusterId)
                .param("effectiveFrom", Date.valueOf(effectiveFrom))
                .param("offset", offset(envelope))
                .update();
    }

    /** The recording order of a fact: where the message sits in its partition (for a replayed one, where it first sat). */
    private static long offset(Envelope envelope) {
        if (envelope.offset() == null) {
            throw new IllegalStateException("Message " + envelope.id() + " carries no Kafka offset: its recording order is unknown");
        }
        return envelope.offset();
    }
}
