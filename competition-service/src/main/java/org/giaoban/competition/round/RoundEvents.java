package org.giaoban.competition.round;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.giaoban.competition.Ref;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.Decision;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.Vote;

/**
 * A round's private domain events, as stored. Their public translation is in {@code contracts} (publishing slice);
 * with a SECRET round the individual ballots never leave the event store.
 */
public final class RoundEvents {

    private RoundEvents() {
    }

    public record RoundPlanned(String roundId, Ref cluster, int year, String movement, String theme, Ref host, Ref leader,
                               LocalDate conferenceDate, String venue, String workshopTopic, Rules rules) {
    }

    public record RoundAmended(String roundId, Ref cluster, int year, String movement, String theme, Ref host, Ref leader,
                               LocalDate conferenceDate, String venue, String workshopTopic, Rules rules) {
    }

    public record RoundOpened(String roundId, String clusterId, int year, LocalDate rosterDate, List<Ref> participants) {
    }

    public record ScoreRecorded(String roundId, String urbanAreaId, String criterion, BigDecimal points) {
    }

    /** {@code candidate}: the nominee, host or leader candidate (null for a theme). */
    public record MotionTabled(String roundId, String motionId, MotionKind kind, Ref candidate, Award award, String theme) {
    }

    public record MotionWithdrawn(String roundId, String motionId) {
    }

    /**
     * A ballot of an OPEN round, vote in the clear ({@code secret} false). Stores written before ballots were sealed may
     * also hold SECRET rounds' ballots under this type ({@code secret} true): still read, never projected per voter nor
     * published.
     */
    public record BallotCast(String roundId, String motionId, String urbanAreaId, Vote vote, RecordedBy recordedBy, boolean secret) {
    }

    /**
     * A delegate's ballot in a SECRET round (rule 2). Who voted is not secret and is here in the clear; how is sealed
     * under a key of the motion that is destroyed once the motion is decided or withdrawn ({@link BallotBox}), after
     * which nothing can open it. {@code ballotsIn}: how many participants have a ballot in on the motion with this
     * one, so the count can be shown without opening anything.
     */
    public record SecretBallotCast(String roundId, String motionId, String urbanAreaId, String sealedVote, int ballotsIn) {
    }

    public record MotionDecided(String roundId, String motionId, MotionKind kind, Ref candidate, Award award, String theme,
                                int approvals, int rejections, int abstentions, int participants, MotionState outcome,
                                String reason) {
    }

    public record NominationProposed(String roundId, Ref cluster, int year, Ref urbanArea, Award award, int approvals,
                                     int participants) {
    }

    public record NextHostSelected(String roundId, String clusterId, int forYear, Ref urbanArea) {
    }

    public record NextLeaderChosen(String roundId, String clusterId, int forYear, Ref urbanArea) {
    }

    public record NextThemeAdopted(String roundId, String clusterId, int forYear, String theme) {
    }

    public record Nomination(Ref urbanArea, Award award) {
    }

    /**
     * The round's outcome and the flag handover. Next year's round ({@code nextRoundId}) is then planned with the
     * carried host, theme and leader under a copy of these {@code rules}.
     */
    public record RoundConcluded(String roundId, Ref cluster, int year, String movement, String theme, LocalDate conferenceDate,
                                 String venue, String workshopTopic, Ref host, Ref leader, List<Ref> participants,
                                 List<Nomination> nominations, Ref nextHost, Ref nextLeader, String nextTheme,
                                 Ref flagHandedOverTo, String nextRoundId, Rules rules) {
    }

    public record NominationForwarded(String roundId, String urbanAreaId, Award award, String reference) {
    }

    public record NominationDecided(String roundId, String urbanAreaId, Award award, Decision decision, String reference) {
    }
}
