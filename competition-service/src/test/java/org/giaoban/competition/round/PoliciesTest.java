package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoliciesTest {

    @ParameterizedTest(name = "{0} of {1} participants -> {2}")
    @CsvSource({"0.2, 11, 2", "0.3, 11, 3", "0.2, 10, 2", "0.3, 6, 1", "0.2, 4, 0", "0.3, 20, 6"})
    void quotasAreSharesOfParticipantsRoundedDown(String share, int participants, int quota) {
        assertThat(Policies.awardQuota(new BigDecimal(share), participants)).isEqualTo(quota);
    }

    @ParameterizedTest(name = "{0} of {1} participants -> {2}")
    @CsvSource({"1e-1000000, 11, 0", "0.0909, 11, 0", "0.0910, 11, 1", "1, 11, 11", "0.29999999999999999999, 10, 2",
            "0.3, 10, 3", "1e-100000000, 50, 0", "0, 11, 0"})
    void quotasAreExactAtTheirEdgesAndCheapForAnyPrecision(String share, int participants, int quota) {
        // The limit guards against a hang (rounding 1e-100000000 to an integer never finished); it measures nothing.
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(Policies.awardQuota(new BigDecimal(share), participants)).isEqualTo(quota));
    }

    @ParameterizedTest(name = "{0} of {1} at {2} -> {3}")
    @CsvSource({"6, 11, 0.5, true", "5, 11, 0.5, false", "5, 10, 0.5, false", "6, 10, 0.5, true",
            "4, 6, 0.7, false", "5, 6, 0.7, true", "7, 10, 0.7, false", "8, 10, 0.7, true"})
    void aMotionCarriesOnlyAboveTheThresholdOfAllParticipants(int approvals, int participants, String threshold, boolean carries) {
        assertThat(Policies.carries(approvals, participants, new BigDecimal(threshold))).isEqualTo(carries);
    }

    @Test
    void thisYearsHostMayRepeatOnlyWhenTheRulesSaySo() {
        assertThat(Policies.mayHostNextYear("sa-pa", "sa-pa", false)).isFalse();
        assertThat(Policies.mayHostNextYear("sa-pa", "sa-pa", true)).isTrue();
        assertThat(Policies.mayHostNextYear("lai-chau", "sa-pa", false)).isTrue();
    }
}
