package org.giaoban.competition.rounds;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundEvents.BallotCast;
import org.giaoban.competition.round.RoundEvents.MotionDecided;
import org.giaoban.competition.round.RoundEvents.MotionTabled;
import org.giaoban.competition.round.RoundEvents.MotionWithdrawn;
import org.giaoban.competition.round.RoundEvents.NextHostSelected;
import org.giaoban.competition.round.RoundEvents.NextLeaderChosen;
import org.giaoban.competition.round.RoundEvents.NextThemeAdopted;
import org.giaoban.competition.round.RoundEvents.Nomination;
import org.giaoban.competition.round.RoundEvents.NominationProposed;
import org.giaoban.competition.round.RoundEvents.RoundAmended;
import org.giaoban.competition.round.RoundEvents.RoundConcluded;
import org.giaoban.competition.round.RoundEvents.RoundOpened;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.RoundEvents.SecretBallotCast;
import org.giaoban.competition.round.Rules;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RoundState;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rounds read model: each round's plan, state, participants, motions with how many ballots are in, tallies and
 * results. Rule 2 is kept here too: for a SECRET round only the fact that a participant has a ballot in is stored,
 * never its vote, and tallies come only from {@link MotionDecided}.
 */
@Component
@ProcessingGroup(RoundsProjection.NAME)
public class RoundsProjection {

    public static final String NAME = "rounds";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RoundsProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RoundPlanned event) {
        jdbc.sql("""
                        INSERT INTO round_view (round_id, cluster_id, cluster_name, year, state, movement, theme, host_id, host_name,
                                                leader_id, leader_name, conference_date, venue, workshop_topic, rules, vote_method)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(event.roundId(), event.cluster().id(), event.cluster().name(), event.year(), RoundState.PLANNED.name(),
                        event.movement(), event.theme(), event.host().id(), event.host().name(), event.leader().id(),
                        event.leader().name(), date(event.conferenceDate()), event.venue(), event.workshopTopic(),
                        write(event.rules()), voteMethod(event.rules()).name())
                .update();
    }

    @EventHandler
    void on(RoundAmended event) {
        jdbc.sql("""
                        UPDATE round_view SET cluster_name = ?, movement = ?, theme = ?, host_id = ?, host_name = ?, leader_id = ?,
                               leader_name = ?, conference_date = ?, venue = ?, workshop_topic = ?, rules = ?::jsonb, vote_method = ?
                        WHERE round_id = ?""")
                .params(event.cluster().name(), event.movement(), event.theme(), event.host().id(), event.host().name(),
                        event.leader().id(), event.leader().name(), date(event.conferenceDate()), event.venue(),
                        event.workshopTopic(), write(event.rules()), voteMethod(event.rules()).name(), event.roundId())
                .update();
    }

    @EventHandler
    void on(RoundOpened event) {
        jdbc.sql("UPDATE round_view SET state = ?, roster_date = ?, participants = ?::jsonb WHERE round_id = ?")
                .params(RoundState.OPEN.name(), date(event.rosterDate()), write(event.participants()), event.roundId())
                .update();
    }

    @EventHandler
    void on(MotionTabled event, @SequenceNumber long sequence) {
        Ref candidate = event.candidate();
        jdbc.sql("""
                        INSERT INTO round_motion (round_id, motion_id, tabled_order, kind, candidate_id, candidate_name, award, theme, state)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.roundId(), event.motionId(), sequence, event.kind().name(),
                        candidate == null ? null : candidate.id(), candidate == null ? null : candidate.name(),
                        event.award() == null ? null : event.award().name(), event.theme(), MotionState.OPEN.name())
                .update();
    }

    @EventHandler
    void on(MotionWithdrawn event) {
        jdbc.sql("UPDATE round_motion SET state = ? WHERE round_id = ? AND motion_id = ?")
                .params(MotionState.WITHDRAWN.name(), event.roundId(), event.motionId())
                .update();
    }

    /**
     * One row per participant and motion; a replaced ballot overwrites it. A SECRET round's vote is not stored (a
     * ballot of this type in a SECRET round was written before ballots were sealed).
     */
    @EventHandler
    void on(BallotCast event) {
        boolean secret = event.secret() || secretRound(event.roundId());
        ballot(event.roundId(), event.motionId(), event.urbanAreaId(), secret, secret ? null : event.vote().name(),
                secret || event.recordedBy() == null ? null : event.recordedBy().name());
    }

    /** Who has a ballot in, nothing more: the seal is never opened outside the round, and its key is gone once decided. */
    @EventHandler
    void on(SecretBallotCast event) {
        ballot(event.roundId(), event.motionId(), event.urbanAreaId(), true, null, null);
    }

    private void ballot(String roundId, String motionId, String urbanAreaId, boolean secret, String vote, String recordedBy) {
        jdbc.sql("""
                        INSERT INTO round_ballot (round_id, motion_id, urban_area_id, secret, vote, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (round_id, motion_id, urban_area_id)
                        DO UPDATE SET secret = EXCLUDED.secret, vote = EXCLUDED.vote, recorded_by = EXCLUDED.recorded_by""")
                .params(roundId, motionId, urbanAreaId, secret, vote, recordedBy)
                .update();
    }

    @EventHandler
    void on(MotionDecided event) {
        jdbc.sql("""
                        UPDATE round_motion SET state = ?, approvals = ?, rejections = ?, abstentions = ?, participants = ?,
                               outcome = ?, reason = ?
                        WHERE round_id = ? AND motion_id = ?""")
                .params(event.outcome().name(), event.approvals(), event.rejections(), event.abstentions(), event.participants(),
                        event.outcome().name(), event.reason(), event.roundId(), event.motionId())
                .update();
    }

    /** Carried nominations show in the results as they carry; the conclusion confirms the list. */
    @EventHandler
    void on(NominationProposed event) {
        jdbc.sql("UPDATE round_view SET nominations = nominations || ?::jsonb WHERE round_id = ?")
                .params(write(List.of(new Nomination(event.urbanArea(), event.award()))), event.roundId())
                .update();
    }

    @EventHandler
    void on(NextHostSelected event) {
        jdbc.sql("UPDATE round_view SET next_host_id = ?, next_host_name = ? WHERE round_id = ?")
                .params(event.urbanArea().id(), event.urbanArea().name(), event.roundId())
                .update();
    }

    @EventHandler
    void on(NextLeaderChosen event) {
        jdbc.sql("UPDATE round_view SET next_leader_id = ?, next_leader_name = ? WHERE round_id = ?")
                .params(event.urbanArea().id(), event.urbanArea().name(), event.roundId())
                .update();
    }

    @EventHandler
    void on(NextThemeAdopted event) {
        jdbc.sql("UPDATE round_view SET next_theme = ? WHERE round_id = ?").params(event.theme(), event.roundId()).update();
    }

    @EventHandler
    void on(RoundConcluded event) {
        jdbc.sql("""
                        UPDATE round_view SET state = ?, next_host_id = ?, next_host_name = ?, next_leader_id = ?, next_leader_name = ?,
                               next_theme = ?, flag_handed_over_to_id = ?, flag_handed_over_to_name = ?, nominations = ?::jsonb,
                               next_round_id = ?
                        WHERE round_id = ?""")
                .params(RoundState.CONCLUDED.name(), id(event.nextHost()), name(event.nextHost()), id(event.nextLeader()),
                        name(event.nextLeader()), event.nextTheme(), id(event.flagHandedOverTo()), name(event.flagHandedOverTo()),
                        write(event.nominations()), event.nextRoundId(), event.roundId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE round_view, round_motion, round_ballot").update();
    }

    private boolean secretRound(String roundId) {
        return jdbc.sql("SELECT vote_method FROM round_view WHERE round_id = ?").param(roundId).query(String.class).optional()
                .map(VoteMethod.SECRET.name()::equals)
                .orElse(true); // a ballot of an unknown round: keep nothing rather than risk a secret
    }

    private static VoteMethod voteMethod(Rules rules) {
        return rules == null || rules.voteMethod() == null ? VoteMethod.OPEN : rules.voteMethod();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static String id(Ref ref) {
        return ref == null ? null : ref.id();
    }

    private static String name(Ref ref) {
        return ref == null ? null : ref.name();
    }
}
