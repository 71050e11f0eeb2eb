package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.giaoban.competition.round.RoundTest.CONFERENCE;
import static org.giaoban.competition.round.RoundTest.ELEVEN;
import static org.giaoban.competition.round.RoundTest.HA_GIANG;
import static org.giaoban.competition.round.RoundTest.LAI_CHAU;
import static org.giaoban.competition.round.RoundTest.OPENED;
import static org.giaoban.competition.round.RoundTest.PLANNED;
import static org.giaoban.competition.round.RoundTest.ROUND;
import static org.giaoban.competition.round.RoundTest.SA_PA;
import static org.giaoban.competition.round.RoundTest.TAY_BAC;
import static org.giaoban.competition.round.RoundTest.TUYEN_QUANG;
import static org.giaoban.testsupport.Refusal.refusedWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.competition.round.RoundCommands.CastBallot;
import org.giaoban.competition.round.RoundCommands.CloseMotion;
import org.giaoban.competition.round.RoundCommands.TableMotion;
import org.giaoban.competition.round.RoundCommands.WithdrawMotion;
import org.giaoban.competition.round.RoundEvents.BallotCast;
import org.giaoban.competition.round.RoundEvents.MotionDecided;
import org.giaoban.competition.round.RoundEvents.MotionTabled;
import org.giaoban.competition.round.RoundEvents.MotionWithdrawn;
import org.giaoban.competition.round.RoundEvents.NominationProposed;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.RoundEvents.SecretBallotCast;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 2 with SECRET rounds: the 2023 Northwest round (11 participants) run by secret ballot. A delegate's vote is
 * stored sealed under its motion's key; the motion is counted by opening the seals and its key destroyed with the
 * decision, after which the round rebuilds from the recorded tally without it.
 */
class SecretBallotsTest {

    static final RoundPlanned SECRET_PLANNED = new RoundPlanned(ROUND, TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA,
            TUYEN_QUANG, CONFERENCE, null, null, Rules.of(new Rules(null, VoteMethod.SECRET, null, null, false, null)));
    static final MotionTabled M1 = RoundTest.nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT);

    private final KeysInMemory keys = new KeysInMemory();
    private final BallotBox box = new BallotBox(keys);
    private FixtureConfiguration<Round> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Round.class);
        fixture.registerInjectableResource(new RoundTest.KnownRoster());
        fixture.registerInjectableResource(box);
    }

    @Test
    void aDelegatesBallotIsStoredSealedUnderTheMotionsKeyAndCountedAsIn() {
        fixture.given(SECRET_PLANNED, OPENED, M1, sealed("lai-chau", Vote.REJECT, 1))
                .when(new CastBallot(ROUND, "m1", "son-la", Vote.APPROVE, RecordedBy.DELEGATE))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event -> sealedAs(event, "son-la", Vote.APPROVE, 2)))))
                .expectResultMessagePayload(Outcome.RECORDED);
        assertThat(keys.has(ROUND, "m1")).as("the motion's key, kept while it is open").isTrue();
    }

    @Test
    void theSameVoteAgainChangesNothing() {
        fixture.given(SECRET_PLANNED, OPENED, M1, sealed("son-la", Vote.ABSTAIN, 1))
                .when(new CastBallot(ROUND, "m1", "son-la", Vote.ABSTAIN, RecordedBy.DELEGATE))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void anotherVoteReplacesTheSealWithoutCountingTheVoterTwice() {
        fixture.given(SECRET_PLANNED, OPENED, M1, sealed("son-la", Vote.ABSTAIN, 1), sealed("lai-chau", Vote.APPROVE, 2))
                .when(new CastBallot(ROUND, "m1", "son-la", Vote.REJECT, RecordedBy.DELEGATE))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event -> sealedAs(event, "son-la", Vote.REJECT, 2)))));
    }

    @Test
    void closingCountsTheLastSealOfEachVoterThenDestroysTheKey() {
        // Six approve, then Hòa Bình changes its mind: 5 of 11 approve, no majority.
        List<Object> history = new ArrayList<>(List.of(SECRET_PLANNED, OPENED, M1));
        history.addAll(everyoneSealed(Vote.APPROVE, 6));
        history.add(sealed("hoa-binh", Vote.REJECT, 6));
        history.add(sealed("son-la", Vote.ABSTAIN, 7));
        fixture.given(history)
                .when(new CloseMotion(ROUND, "m1"))
                .expectEvents(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 5, 1, 1,
                        11, MotionState.NOT_CARRIED, "below-threshold"));
        assertThat(keys.has(ROUND, "m1")).as("the key, destroyed with the decision").isFalse();
    }

    @Test
    void aCarriedSecretNominationIsProposedWithItsTally() {
        List<Object> history = new ArrayList<>(List.of(SECRET_PLANNED, OPENED, M1));
        history.addAll(everyoneSealed(Vote.APPROVE, 7));
        history.add(sealed("son-la", Vote.REJECT, 8));
        fixture.given(history)
                .when(new CloseMotion(ROUND, "m1"))
                .expectEvents(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 7, 1, 0,
                        11, MotionState.CARRIED, "threshold-met"),
                        new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, Award.MINISTRY_MERIT, 7, 11));
        assertThat(keys.has(ROUND, "m1")).isFalse();
    }

    @Test
    void onceItsKeyIsDestroyedADecidedMotionReplaysFromItsTallyAlone() {
        List<Object> history = new ArrayList<>(List.of(SECRET_PLANNED, OPENED, M1));
        history.addAll(everyoneSealed(Vote.APPROVE, 7));
        history.add(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 7, 0, 0, 11,
                MotionState.CARRIED, "threshold-met"));
        history.add(new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, Award.MINISTRY_MERIT, 7, 11));
        box.shred(ROUND, "m1");

        // The round goes on without the key: m1 is carried, its sealed ballots are forgotten.
        fixture.given(history)
                .when(new TableMotion(ROUND, MotionKind.NOMINATION, "ha-giang", Award.MINISTRY_MERIT, null))
                .expectEvents(RoundTest.nomination("m2", HA_GIANG, Award.MINISTRY_MERIT))
                .expectState(round -> assertThat(motion(round, "m1")).extracting("state", "ballots", "sealed")
                        .containsExactly(MotionState.CARRIED, Map.of(), Map.of()));
    }

    @Test
    void aBallotOnTheDecidedMotionIsRefusedWithoutItsKey() {
        List<Object> history = new ArrayList<>(List.of(SECRET_PLANNED, OPENED, M1));
        history.addAll(everyoneSealed(Vote.REJECT, 3));
        history.add(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 0, 3, 0, 11,
                MotionState.NOT_CARRIED, "below-threshold"));
        box.shred(ROUND, "m1");
        fixture.given(history)
                .when(new CastBallot(ROUND, "m1", "son-la", Vote.APPROVE, RecordedBy.DELEGATE))
                .expectException(refusedWith("motion-closed"));
    }

    @Test
    void withdrawingASecretMotionDestroysItsKeyUncounted() {
        fixture.given(SECRET_PLANNED, OPENED, M1, sealed("son-la", Vote.APPROVE, 1))
                .when(new WithdrawMotion(ROUND, "m1"))
                .expectEvents(new MotionWithdrawn(ROUND, "m1"))
                .expectState(round -> assertThat(motion(round, "m1")).extracting("sealed").isEqualTo(Map.of()));
        assertThat(keys.has(ROUND, "m1")).isFalse();
    }

    @Test
    void theCoordinatorCannotRecordASecretBallotAndNoKeyIsMade() {
        fixture.given(SECRET_PLANNED, OPENED, M1)
                .when(new CastBallot(ROUND, "m1", "lai-chau", Vote.APPROVE, RecordedBy.COORDINATOR))
                .expectException(refusedWith("secret-ballot"))
                .expectNoEvents();
        assertThat(keys.has(ROUND, "m1")).isFalse();
    }

    @Test
    void onlyParticipantsCastSecretBallots() {
        fixture.given(SECRET_PLANNED, OPENED, M1)
                .when(new CastBallot(ROUND, "m1", "viet-tri", Vote.APPROVE, RecordedBy.DELEGATE))
                .expectException(refusedWith("voter-not-a-participant"))
                .expectNoEvents();
        assertThat(keys.has(ROUND, "m1")).isFalse();
    }

    @Test
    void aSealMovedToAnotherVoterDoesNotOpenAndNothingIsDecided() {
        SecretBallotCast sonLa = sealed("son-la", Vote.APPROVE, 1);
        fixture.given(SECRET_PLANNED, OPENED, M1, new SecretBallotCast(ROUND, "m1", "lai-chau", sonLa.sealedVote(), 1))
                .when(new CloseMotion(ROUND, "m1"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
        assertThat(keys.has(ROUND, "m1")).as("nothing decided, the key kept").isTrue();
    }

    @Test
    void aSecretMotionWithNoBallotIsDecidedWithoutAKey() {
        fixture.given(SECRET_PLANNED, OPENED, M1)
                .when(new CloseMotion(ROUND, "m1"))
                .expectEvents(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 0, 0, 0, 11,
                        MotionState.NOT_CARRIED, "below-threshold"));
    }

    /** Ballots of a SECRET round stored in the clear before ballots were sealed still count, each replaced by a newer seal. */
    @Test
    void aClearBallotOfAnEarlierVersionCountsUntilItsVoterSealsANewOne() {
        List<Object> history = new ArrayList<>(List.of(SECRET_PLANNED, OPENED, M1));
        ELEVEN.stream().limit(6).forEach(p -> history.add(new BallotCast(ROUND, "m1", p.id(), Vote.APPROVE, RecordedBy.DELEGATE, true)));
        history.add(sealed("hoa-binh", Vote.REJECT, 6));
        history.add(sealed("son-la", Vote.APPROVE, 7));
        history.add(sealed("muong-lay", Vote.APPROVE, 8));
        fixture.given(history)
                .when(new CloseMotion(ROUND, "m1"))
                .expectEvents(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 7, 1, 0,
                        11, MotionState.CARRIED, "threshold-met"),
                        new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, Award.MINISTRY_MERIT, 7, 11));
    }

    @Test
    void aVoterWithAClearBallotOfAnEarlierVersionIsNotCountedTwiceWhenItSeals() {
        fixture.given(SECRET_PLANNED, OPENED, M1, new BallotCast(ROUND, "m1", "son-la", Vote.APPROVE, RecordedBy.DELEGATE, true))
                .when(new CastBallot(ROUND, "m1", "son-la", Vote.REJECT, RecordedBy.DELEGATE))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event -> sealedAs(event, "son-la", Vote.REJECT, 1)))));
    }

    @Test
    void anOpenRoundKeepsItsBallotsInTheClearAndNeedsNoKey() {
        MotionTabled m2 = new MotionTabled(ROUND, "m2", MotionKind.NEXT_HOST, HA_GIANG, null, null);
        fixture.given(PLANNED, OPENED, m2)
                .when(new CastBallot(ROUND, "m2", "son-la", Vote.APPROVE, RecordedBy.COORDINATOR))
                .expectEvents(new BallotCast(ROUND, "m2", "son-la", Vote.APPROVE, RecordedBy.COORDINATOR, false));
        assertThat(keys.has(ROUND, "m2")).isFalse();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A delegate's ballot on m1 as the round stores it, sealed by this test's ballot box. */
    private SecretBallotCast sealed(String voter, Vote vote, int ballotsIn) {
        return new SecretBallotCast(ROUND, "m1", voter, box.seal(ROUND, "m1", voter, vote), ballotsIn);
    }

    /** The first {@code howMany} participants' sealed ballots on m1. */
    private List<Object> everyoneSealed(Vote vote, int howMany) {
        List<Object> ballots = new ArrayList<>();
        for (int i = 0; i < howMany; i++) {
            ballots.add(sealed(ELEVEN.get(i).id(), vote, i + 1));
        }
        return ballots;
    }

    /** A SecretBallotCast of the voter on m1 whose seal opens, under the motion's key, to the vote, and shows no vote. */
    private boolean sealedAs(Object event, String voter, Vote vote, int ballotsIn) {
        return event instanceof SecretBallotCast ballot && ballot.motionId().equals("m1") && ballot.urbanAreaId().equals(voter)
                && ballot.ballotsIn() == ballotsIn
                && List.of(Vote.values()).stream().noneMatch(v -> ballot.sealedVote().contains(v.name()))
                && box.open(ROUND, "m1", Map.of(voter, ballot.sealedVote())).get(voter) == vote;
    }

    private static Object motion(Round round, String motionId) {
        return ((Map<?, ?>) org.assertj.core.util.introspection.FieldSupport.EXTRACTION.fieldValue("motions", Map.class, round))
                .get(motionId);
    }
}
