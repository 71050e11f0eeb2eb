package org.giaoban.competition.round;

import static org.giaoban.testsupport.Refusal.refusedWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.competition.Ref;
import org.giaoban.competition.roster.Roster;
import org.giaoban.competition.round.RoundCommands.CastBallot;
import org.giaoban.competition.round.RoundCommands.CloseMotion;
import org.giaoban.competition.round.RoundCommands.ConcludeRound;
import org.giaoban.competition.round.RoundCommands.ForwardNomination;
import org.giaoban.competition.round.RoundCommands.OpenRound;
import org.giaoban.competition.round.RoundCommands.Plan;
import org.giaoban.competition.round.RoundCommands.PlanRound;
import org.giaoban.competition.round.RoundCommands.RecordAwardDecision;
import org.giaoban.competition.round.RoundCommands.RecordScore;
import org.giaoban.competition.round.RoundCommands.TableMotion;
import org.giaoban.competition.round.RoundCommands.WithdrawMotion;
import org.giaoban.competition.round.RoundEvents.BallotCast;
import org.giaoban.competition.round.RoundEvents.MotionDecided;
import org.giaoban.competition.round.RoundEvents.MotionTabled;
import org.giaoban.competition.round.RoundEvents.MotionWithdrawn;
import org.giaoban.competition.round.RoundEvents.NextHostSelected;
import org.giaoban.competition.round.RoundEvents.NextThemeAdopted;
import org.giaoban.competition.round.RoundEvents.Nomination;
import org.giaoban.competition.round.RoundEvents.NominationForwarded;
import org.giaoban.competition.round.RoundEvents.NominationProposed;
import org.giaoban.competition.round.RoundEvents.RoundConcluded;
import org.giaoban.competition.round.RoundEvents.RoundOpened;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.RoundEvents.ScoreRecorded;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.Decision;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 2023 Northwest round (11 participants) under the rules of DOMAIN.md. */
class RoundTest {

    static final String ROUND = "tay-bac-2023";
    static final Ref TAY_BAC = new Ref("tay-bac", "Cụm các đô thị vùng Tây Bắc");
    static final Ref SA_PA = new Ref("sa-pa", "Thị xã Sa Pa");
    static final Ref TUYEN_QUANG = new Ref("tuyen-quang", "Thành phố Tuyên Quang");
    static final Ref LAI_CHAU = new Ref("lai-chau", "Thành phố Lai Châu");
    static final Ref HA_GIANG = new Ref("ha-giang", "Thành phố Hà Giang");
    static final Ref HOA_BINH = new Ref("hoa-binh", "Thành phố Hòa Bình");
    static final List<Ref> ELEVEN = List.of(HOA_BINH, HA_GIANG, new Ref("yen-bai", "Thành phố Yên Bái"),
            new Ref("nghia-lo", "Thị xã Nghĩa Lộ"), LAI_CHAU, new Ref("lao-cai", "Thành phố Lào Cai"), SA_PA,
            new Ref("son-la", "Thành phố Sơn La"), new Ref("dien-bien-phu", "Thành phố Điện Biên Phủ"),
            new Ref("muong-lay", "Thị xã Mường Lay"), TUYEN_QUANG);
    static final String THEME_2024 = "Thực trạng hạ tầng giao thông đô thị, định hướng xây dựng hệ thống giao thông thông minh"
            + " gắn với bảo vệ môi trường và ứng phó biến đổi khí hậu";
    static final LocalDate CONFERENCE = LocalDate.of(2023, 9, 24);
    static final Rules RULES = Rules.of(new Rules("Nghị định 91/2017/NĐ-CP", null, null, null, false,
            List.of(new Rules.Criterion("Xanh", new BigDecimal("40")))));
    static final RoundPlanned PLANNED = new RoundPlanned(ROUND, TAY_BAC, 2023, "Đô thị Xanh - Sạch - Đẹp",
            "Xây dựng đô thị phát triển bền vững và thân thiện với môi trường", SA_PA, TUYEN_QUANG, CONFERENCE, "Thị xã Sa Pa",
            null, RULES);
    static final RoundOpened OPENED = new RoundOpened(ROUND, "tay-bac", 2023, CONFERENCE, ELEVEN);

    private FixtureConfiguration<Round> fixture;

    /** The service's copy of the membership, as the aggregate sees it: the 2023 roster, current or lagging. */
    static final class KnownRoster implements Roster {
        List<Ref> members = ELEVEN;
        boolean current = true;

        @Override
        public List<Ref> membersOn(String clusterId, LocalDate day) {
            return "tay-bac".equals(clusterId) ? members : List.of();
        }

        @Override
        public Optional<String> clusterName(String clusterId) {
            return Optional.of(TAY_BAC.name());
        }

        @Override
        public Optional<String> urbanAreaName(String urbanAreaId, LocalDate day) {
            return members.stream().filter(m -> m.id().equals(urbanAreaId)).map(Ref::name).findFirst();
        }

        @Override
        public boolean isCurrent() {
            return current;
        }
    }

    private final KnownRoster roster = new KnownRoster();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Round.class);
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(new BallotBox(new KeysInMemory()));
    }

    @Test
    void openingFixesTheParticipantsOnTheConferenceDate() {
        fixture.given(PLANNED)
                .when(new OpenRound(ROUND, null))
                .expectEvents(OPENED);
    }

    @Test
    void openingWaitsForACurrentRoster() {
        roster.current = false;
        fixture.given(PLANNED)
                .when(new OpenRound(ROUND, null))
                .expectException(refusedWith("roster-not-current"))
                .expectNoEvents();
    }

    static MotionTabled nomination(String motionId, Ref nominee, Award award) {
        return new MotionTabled(ROUND, motionId, MotionKind.NOMINATION, nominee, award, null);
    }

    static MotionDecided carried(MotionTabled motion, int approvals) {
        return new MotionDecided(ROUND, motion.motionId(), motion.kind(), motion.candidate(), motion.award(), motion.theme(),
                approvals, 0, 0, 11, MotionState.CARRIED, "threshold-met");
    }

    /** Every participant casts the same vote on a motion. */
    static List<Object> everyone(String motionId, Vote vote, int howMany) {
        List<Object> ballots = new ArrayList<>();
        ELEVEN.stream().limit(howMany).forEach(p -> ballots.add(new BallotCast(ROUND, motionId, p.id(), vote, RecordedBy.DELEGATE, false)));
        return ballots;
    }

    @Test
    void planningTheRoundRecordsItsRulesCompletedFromTheDefaults() {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, new Plan(TAY_BAC, 2023, " Đô thị Xanh - Sạch - Đẹp ",
                        "Xây dựng đô thị phát triển bền vững và thân thiện với môi trường", SA_PA, TUYEN_QUANG, CONFERENCE,
                        "Thị xã Sa Pa", null, new Rules("Nghị định 91/2017/NĐ-CP", null, null, null, false,
                        List.of(new Rules.Criterion("Xanh", new BigDecimal("40")))))))
                .expectEvents(PLANNED)
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void planningItAgainWithTheSamePlanChangesNothing() {
        fixture.given(PLANNED)
                .when(new PlanRound(ROUND, new Plan(TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA, TUYEN_QUANG,
                        CONFERENCE, "Thị xã Sa Pa", null, RULES)))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void aPlannedRoundIsAmendedUntilItOpens() {
        Plan amended = new Plan(TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA, TUYEN_QUANG, CONFERENCE.plusDays(1),
                "Quảng trường Sa Pa", null, RULES);
        fixture.given(PLANNED)
                .when(new RoundCommands.AmendRound(ROUND, amended))
                .expectEvents(new RoundEvents.RoundAmended(ROUND, TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA,
                        TUYEN_QUANG, CONFERENCE.plusDays(1), "Quảng trường Sa Pa", null, RULES));
        fixture.given(PLANNED, OPENED)
                .when(new RoundCommands.AmendRound(ROUND, amended))
                .expectException(refusedWith("round-not-planned"));
    }

    @Test
    void planningTheSameIdDifferentlyIsAConflict() {
        fixture.given(PLANNED)
                .when(new PlanRound(ROUND, new Plan(TAY_BAC, 2023, "Phong trào khác", PLANNED.theme(), SA_PA, TUYEN_QUANG,
                        CONFERENCE, "Thị xã Sa Pa", null, RULES)))
                .expectException(refusedWith("round-exists"));
    }

    @Test
    void openingNeedsTheHostAmongTheParticipants() {
        roster.members = ELEVEN.stream().filter(p -> !p.equals(SA_PA)).toList();
        fixture.given(PLANNED)
                .when(new OpenRound(ROUND, CONFERENCE))
                .expectException(refusedWith("host-not-a-participant"))
                .expectNoEvents();
    }

    @Test
    void scoresReplaceEachOtherWithinTheCriterionMaximum() {
        fixture.given(PLANNED, OPENED, new ScoreRecorded(ROUND, "sa-pa", "Xanh", new BigDecimal("30")))
                .when(new RecordScore(ROUND, "sa-pa", "xanh", new BigDecimal("35.5")))
                .expectEvents(new ScoreRecorded(ROUND, "sa-pa", "Xanh", new BigDecimal("35.5")));
        fixture.given(PLANNED, OPENED)
                .when(new RecordScore(ROUND, "sa-pa", "Xanh", new BigDecimal("41")))
                .expectException(refusedWith("points-out-of-range"));
    }

    @Test
    void aThirdMinistryMeritAmongElevenExceedsTheQuota() {
        fixture.given(PLANNED, OPENED, nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT), nomination("m2", TUYEN_QUANG, Award.MINISTRY_MERIT))
                .when(new TableMotion(ROUND, MotionKind.NOMINATION, "ha-giang", Award.MINISTRY_MERIT, null))
                .expectException(refusedWith("award-quota-exceeded"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnNominationFreesItsPlace() {
        fixture.given(PLANNED, OPENED, nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT), nomination("m2", TUYEN_QUANG, Award.MINISTRY_MERIT),
                        new MotionWithdrawn(ROUND, "m2"))
                .when(new TableMotion(ROUND, MotionKind.NOMINATION, "ha-giang", Award.MINISTRY_MERIT, null))
                .expectEvents(nomination("m3", HA_GIANG, Award.MINISTRY_MERIT))
                .expectResultMessagePayload("m3");
    }

    @Test
    void oneAwardPerMemberPerRound() {
        fixture.given(PLANNED, OPENED, nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT))
                .when(new TableMotion(ROUND, MotionKind.NOMINATION, "lai-chau", Award.ASSOCIATION_COMMENDATION, null))
                .expectException(refusedWith("second-award-in-round"));
    }

    @Test
    void onlyParticipantsAreNominatedOrVote() {
        fixture.given(PLANNED, OPENED)
                .when(new TableMotion(ROUND, MotionKind.NOMINATION, "viet-tri", Award.MINISTRY_MERIT, null))
                .expectException(refusedWith("nominee-not-a-participant"));
        fixture.given(PLANNED, OPENED, nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT))
                .when(new CastBallot(ROUND, "m1", "viet-tri", Vote.APPROVE, RecordedBy.DELEGATE))
                .expectException(refusedWith("voter-not-a-participant"));
    }

    @Test
    void thisYearsHostDoesNotHostNextYearUnderDefaultRules() {
        fixture.given(PLANNED, OPENED)
                .when(new TableMotion(ROUND, MotionKind.NEXT_HOST, "sa-pa", null, null))
                .expectException(refusedWith("host-repeats"));
    }

    @Test
    void aMotionCarriesWithAStrictMajorityOfAllParticipants() {
        MotionTabled m1 = nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT);
        List<Object> history = new ArrayList<>(List.of(PLANNED, OPENED, m1));
        history.addAll(everyone("m1", Vote.APPROVE, 6));
        fixture.given(history)
                .when(new CloseMotion(ROUND, "m1"))
                .expectEvents(carried(m1, 6),
                        new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, Award.MINISTRY_MERIT, 6, 11));
    }

    @Test
    void fiveOfElevenDoNotCarry() {
        MotionTabled m1 = nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT);
        List<Object> history = new ArrayList<>(List.of(PLANNED, OPENED, m1));
        history.addAll(everyone("m1", Vote.APPROVE, 5));
        fixture.given(history)
                .when(new CloseMotion(ROUND, "m1"))
                .expectEvents(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 5, 0, 0,
                        11, MotionState.NOT_CARRIED, "below-threshold"));
    }

    @Test
    void aBallotOnAClosedMotionIsRefused() {
        MotionTabled m1 = nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT);
        fixture.given(PLANNED, OPENED, m1, carried(m1, 11))
                .when(new CastBallot(ROUND, "m1", "sa-pa", Vote.REJECT, RecordedBy.DELEGATE))
                .expectException(refusedWith("motion-closed"));
    }

    @Test
    void aReplacedBallotCountsOnce() {
        MotionTabled m1 = nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT);
        List<Object> history = new ArrayList<>(List.of(PLANNED, OPENED, m1));
        history.addAll(everyone("m1", Vote.APPROVE, 6));
        history.add(new BallotCast(ROUND, "m1", "hoa-binh", Vote.REJECT, RecordedBy.DELEGATE, false));
        fixture.given(history)
                .when(new CloseMotion(ROUND, "m1"))
                .expectEvents(new MotionDecided(ROUND, "m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null, 5, 1, 0,
                        11, MotionState.NOT_CARRIED, "below-threshold"));
    }

    @Test
    void inASecretRoundTheCoordinatorCannotRecordBallots() {
        RoundPlanned secret = new RoundPlanned(ROUND, TAY_BAC, 2023, "m", "t", SA_PA, TUYEN_QUANG, CONFERENCE, null, null,
                Rules.of(new Rules(null, VoteMethod.SECRET, new BigDecimal("0.7"), null, false, null)));
        fixture.given(secret, OPENED, nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT))
                .when(new CastBallot(ROUND, "m1", "lai-chau", Vote.APPROVE, RecordedBy.COORDINATOR))
                .expectException(refusedWith("secret-ballot"));
    }

    @Test
    void theFirstCarriedHostWinsAndACompetingCandidateIsAlreadyDecided() {
        MotionTabled laiChau = new MotionTabled(ROUND, "m1", MotionKind.NEXT_HOST, LAI_CHAU, null, null);
        MotionTabled haGiang = new MotionTabled(ROUND, "m2", MotionKind.NEXT_HOST, HA_GIANG, null, null);
        List<Object> history = new ArrayList<>(List.of(PLANNED, OPENED, laiChau, haGiang));
        history.addAll(everyone("m2", Vote.APPROVE, 11));
        history.add(carried(laiChau, 11));
        history.add(new NextHostSelected(ROUND, "tay-bac", 2024, LAI_CHAU));
        fixture.given(history)
                .when(new CloseMotion(ROUND, "m2"))
                .expectEvents(new MotionDecided(ROUND, "m2", MotionKind.NEXT_HOST, HA_GIANG, null, null, 11, 0, 0, 11,
                        MotionState.NOT_CARRIED, "already-decided"));
        fixture.given(history)
                .when(new TableMotion(ROUND, MotionKind.NEXT_HOST, "hoa-binh", null, null))
                .expectException(refusedWith("next-host-already-chosen"));
    }

    @Test
    void concludingNeedsANextHostAndANextThemeAndNoOpenMotion() {
        fixture.given(PLANNED, OPENED)
                .when(new ConcludeRound(ROUND))
                .expectException(refusedWith("conclusion-needs-next-host"));
        fixture.given(PLANNED, OPENED, new NextHostSelected(ROUND, "tay-bac", 2024, LAI_CHAU))
                .when(new ConcludeRound(ROUND))
                .expectException(refusedWith("conclusion-needs-next-theme"));
        fixture.given(PLANNED, OPENED, nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT),
                        new NextHostSelected(ROUND, "tay-bac", 2024, LAI_CHAU), new NextThemeAdopted(ROUND, "tay-bac", 2024, THEME_2024))
                .when(new ConcludeRound(ROUND))
                .expectException(refusedWith("motions-still-open"));
    }

    @Test
    void concludingHandsTheFlagOverWithThisYearsHostAsNextLeader() {
        MotionTabled m1 = nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT);
        fixture.given(PLANNED, OPENED, m1, carried(m1, 11),
                        new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, Award.MINISTRY_MERIT, 11, 11),
                        new NextHostSelected(ROUND, "tay-bac", 2024, LAI_CHAU), new NextThemeAdopted(ROUND, "tay-bac", 2024, THEME_2024))
                .when(new ConcludeRound(ROUND))
                .expectEvents(
                        new RoundConcluded(ROUND, TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), CONFERENCE, "Thị xã Sa Pa", null,
                                SA_PA, TUYEN_QUANG, ELEVEN, List.of(new Nomination(LAI_CHAU, Award.MINISTRY_MERIT)), LAI_CHAU, SA_PA,
                                THEME_2024, LAI_CHAU, "tay-bac-2024", RULES));
    }

    @Test
    void proposalsAreForwardedThenDecided() {
        MotionTabled m1 = nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT);
        List<Object> concluded = List.of(PLANNED, OPENED, m1, carried(m1, 11),
                new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, Award.MINISTRY_MERIT, 11, 11),
                new RoundConcluded(ROUND, TAY_BAC, 2023, "m", "t", CONFERENCE, null, null, SA_PA, TUYEN_QUANG, ELEVEN,
                        List.of(new Nomination(LAI_CHAU, Award.MINISTRY_MERIT)), LAI_CHAU, SA_PA, THEME_2024, LAI_CHAU, "tay-bac-2024", RULES));
        fixture.given(concluded)
                .when(new RecordAwardDecision(ROUND, "lai-chau", Award.MINISTRY_MERIT, Decision.AWARDED, "QĐ 123/QĐ-BXD"))
                .expectException(refusedWith("nomination-not-forwarded"));
        fixture.given(concluded)
                .when(new ForwardNomination(ROUND, "lai-chau", "Tờ trình 45/TTr-HHĐT"))
                .expectEvents(new NominationForwarded(ROUND, "lai-chau", Award.MINISTRY_MERIT, "Tờ trình 45/TTr-HHĐT"));
        fixture.given(concluded)
                .when(new ForwardNomination(ROUND, "ha-giang", "x"))
                .expectException(refusedWith("unknown-nomination"));
    }

    @Test
    void quotasFollowTheRoundsOwnRules() {
        RoundPlanned generous = new RoundPlanned(ROUND, TAY_BAC, 2023, "m", "t", SA_PA, TUYEN_QUANG, CONFERENCE, null, null,
                Rules.of(new Rules(null, null, null, Map.of(Award.MINISTRY_MERIT, new BigDecimal("0.3")), false, null)));
        fixture.given(generous, OPENED, nomination("m1", LAI_CHAU, Award.MINISTRY_MERIT), nomination("m2", TUYEN_QUANG, Award.MINISTRY_MERIT))
                .when(new TableMotion(ROUND, MotionKind.NOMINATION, "ha-giang", Award.MINISTRY_MERIT, null))
                .expectEvents(nomination("m3", HA_GIANG, Award.MINISTRY_MERIT));
    }

    @Test
    void nothingHappensInARoundThatIsNotOpen() {
        fixture.given(PLANNED)
                .when(new TableMotion(ROUND, MotionKind.NEXT_THEME, null, null, THEME_2024))
                .expectException(refusedWith("round-not-open"));
        fixture.given(PLANNED, OPENED)
                .when(new WithdrawMotion(ROUND, "m9"))
                .expectException(refusedWith("unknown-motion"));
    }
}
