package org.giaoban.competition.round;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.Decision;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.Vote;

/** What coordinators, delegates and operators ask of a round. Names of the cluster and members come resolved. */
public final class RoundCommands {

    private RoundCommands() {
    }

    /** The plan of a round: what {@code PlanRound} and {@code AmendRound} carry. */
    public record Plan(Ref cluster, int year, String movement, String theme, Ref host, Ref leader, LocalDate conferenceDate,
                       String venue, String workshopTopic, Rules rules) {
    }

    public record PlanRound(String roundId, Plan plan) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record AmendRound(String roundId, Plan plan) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    /** {@code rosterDate}: the day whose roster becomes the participants; by default the conference date. */
    public record OpenRound(String roundId, LocalDate rosterDate) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record RecordScore(String roundId, String urbanAreaId, String criterion, BigDecimal points) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record TableMotion(String roundId, MotionKind kind, String urbanAreaId, Award award, String theme) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record WithdrawMotion(String roundId, String motionId) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record CastBallot(String roundId, String motionId, String urbanAreaId, Vote vote, RecordedBy recordedBy) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record CloseMotion(String roundId, String motionId) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record ConcludeRound(String roundId) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record ForwardNomination(String roundId, String urbanAreaId, String reference) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }

    public record RecordAwardDecision(String roundId, String urbanAreaId, Award award, Decision decision, String reference) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Round.streamId(roundId);
        }
    }
}
