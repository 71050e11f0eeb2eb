package org.giaoban.competition.round;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The round's rules as small pure functions: what DOMAIN.md says, in one screen, with exact arithmetic. */
public final class Policies {

    private Policies() {
    }

    /** Rule 5: how many nominations for one award a round may carry: the share of participants, rounded down. */
    public static int awardQuota(BigDecimal share, int participants) {
        return share.multiply(BigDecimal.valueOf(participants)).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /**
     * Rule 3: a motion carries when approvals exceed the threshold times the number of participants, all of them,
     * whether or not they voted. 6 of 11 carries at 0.5; 4 of 6 does not at 0.7 (4 ≤ 4.2), 5 does.
     */
    public static boolean carries(int approvals, int participants, BigDecimal threshold) {
        return BigDecimal.valueOf(approvals).compareTo(threshold.multiply(BigDecimal.valueOf(participants))) > 0;
    }

    /** Rule 6: next year's host is by default not this year's host. */
    public static boolean mayHostNextYear(String candidateId, String thisYearsHostId, boolean hostMayRepeat) {
        return hostMayRepeat || !candidateId.equals(thisYearsHostId);
    }
}
