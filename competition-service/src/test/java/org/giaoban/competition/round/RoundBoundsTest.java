package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.giaoban.competition.round.RoundTest.CONFERENCE;
import static org.giaoban.competition.round.RoundTest.OPENED;
import static org.giaoban.competition.round.RoundTest.PLANNED;
import static org.giaoban.competition.round.RoundTest.ROUND;
import static org.giaoban.competition.round.RoundTest.SA_PA;
import static org.giaoban.competition.round.RoundTest.TAY_BAC;
import static org.giaoban.competition.round.RoundTest.TUYEN_QUANG;
import static org.giaoban.testsupport.Refusal.refusedWith;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.competition.round.RoundCommands.OpenRound;
import org.giaoban.competition.round.RoundCommands.Plan;
import org.giaoban.competition.round.RoundCommands.PlanRound;
import org.giaoban.competition.round.RoundCommands.RecordScore;
import org.giaoban.competition.round.RoundCommands.TableMotion;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.RoundEvents.ScoreRecorded;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.giaoban.platform.problem.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: numbers and dates a coordinator sends have the domain's ranges, checked by the round itself (the HTTP edge
 * checks them too): {@code maxPoints 1e200000} once stalled every round's read models, {@code 1e999999999} then a score
 * of -1 exhausted the heap, a quota share of {@code 1e-1000000} cost seconds of CPU per request.
 */
class RoundBoundsTest {

    private FixtureConfiguration<Round> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Round.class);
        fixture.registerInjectableResource(new RoundTest.KnownRoster());
        fixture.registerInjectableResource(new BallotBox(new KeysInMemory()));
    }

    private static Plan plan(LocalDate conferenceDate, Rules rules) {
        return new Plan(TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA, TUYEN_QUANG, conferenceDate, null, null, rules);
    }

    private static Rules criterion(String maxPoints) {
        return new Rules(null, null, null, null, false, List.of(new Rules.Criterion("Xanh", new BigDecimal(maxPoints))));
    }

    @ParameterizedTest(name = "maxPoints {0}")
    @ValueSource(strings = {"1e200000", "1e999999999", "1000.01", "0", "-1", "12.345", "1e-1000000"})
    void aCriterionIsWorthAbove0AndAtMost1000PointsInHundredths(String maxPoints) {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, plan(CONFERENCE, criterion(maxPoints))))
                .expectException(refusedWith("invalid-criterion"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "maxPoints {0}")
    @ValueSource(strings = {"1000", "0.01", "12.50", "1E+3"})
    void maximaInsideTheRangeArePlanned(String maxPoints) {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, plan(CONFERENCE, criterion(maxPoints))))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "share {0}")
    @ValueSource(strings = {"1e-1000000", "0", "-0.2", "1.0001", "0.33335", "1e200000"})
    void aQuotaIsAShareAbove0AndAtMost1WithFourDecimals(String share) {
        Rules rules = new Rules(null, null, null, Map.of(Award.MINISTRY_MERIT, new BigDecimal(share)), false, List.of());
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, plan(CONFERENCE, rules)))
                .expectException(refusedWith("invalid-quota"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(strings = {"1e-1000000", "0", "1", "0.66667", "-0.5", "1e999999999"})
    void aThresholdIsAShareBetween0And1WithFourDecimals(String threshold) {
        Rules rules = new Rules(null, VoteMethod.OPEN, new BigDecimal(threshold), null, false, List.of());
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, plan(CONFERENCE, rules)))
                .expectException(refusedWith("invalid-threshold"))
                .expectNoEvents();
    }

    @Test
    void theRefusalNamesTheField() {
        assertThatThrownBy(() -> Rules.of(criterion("1e200000")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("rules.criteria.maxPoints"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+10000000-01-01", "1899-12-31", "2101-01-01"})
    void conferenceAndRosterDatesLieInTheDomainsRange(String date) {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, plan(LocalDate.parse(date), null)))
                .expectException(refusedWith("date-out-of-range"))
                .expectNoEvents();
        fixture.given(PLANNED)
                .when(new OpenRound(ROUND, LocalDate.parse(date)))
                .expectException(refusedWith("date-out-of-range"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "points {0}")
    @ValueSource(strings = {"1e999999999", "-1", "40.01", "35.555", "1e-1000000", "-1e200000"})
    void pointsLieBetween0AndTheCriterionsMaximumInHundredths(String points) {
        fixture.given(PLANNED, OPENED)
                .when(new RecordScore(ROUND, "sa-pa", "Xanh", new BigDecimal(points)))
                .expectException(refusedWith("points-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void pointsAtTheMaximumAndInHundredthsAreRecorded() {
        fixture.given(PLANNED, OPENED)
                .when(new RecordScore(ROUND, "sa-pa", "Xanh", new BigDecimal("39.99")))
                .expectEvents(new ScoreRecorded(ROUND, "sa-pa", "Xanh", new BigDecimal("39.99")));
    }

    /**
     * A round recorded before the bounds existed, with a criterion worth 1e999999999: the refusal of a negative score
     * once rendered that maximum digit by digit (out of memory). The time limit only guards against a hang.
     */
    @Test
    void aRoundRecordedBeforeTheBoundsIsStillSafeToScore() {
        Rules unbounded = new Rules(null, VoteMethod.OPEN, Rules.DEFAULT_THRESHOLD, Rules.defaults().quotas(), false,
                List.of(new Rules.Criterion("Xanh", new BigDecimal("1e999999999"))));
        RoundPlanned legacy = new RoundPlanned(ROUND, TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA, TUYEN_QUANG,
                CONFERENCE, null, null, unbounded);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> fixture.given(legacy, OPENED)
                .when(new RecordScore(ROUND, "sa-pa", "Xanh", new BigDecimal("-1")))
                .expectException(refusedWith("points-out-of-range")));
    }

    /** Likewise a quota share of 1e-100000000 recorded before the bounds: the quota is 0, found at once. */
    @Test
    void aRoundRecordedBeforeTheBoundsIsStillSafeToNominateIn() {
        Rules unbounded = new Rules(null, VoteMethod.OPEN, Rules.DEFAULT_THRESHOLD,
                Map.of(Award.MINISTRY_MERIT, new BigDecimal("1e-100000000")), false, List.of());
        RoundPlanned legacy = new RoundPlanned(ROUND, TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA, TUYEN_QUANG,
                CONFERENCE, null, null, unbounded);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> fixture.given(legacy, OPENED)
                .when(new TableMotion(ROUND, MotionKind.NOMINATION, "lai-chau", Award.MINISTRY_MERIT, null))
                .expectException(refusedWith("award-quota-exceeded")));
    }
}
