package org.giaoban.competition.round;

import java.math.BigDecimal;

/** The round's rules as small pure functions: what DOMAIN.md says, in one screen, with exact arithmetic. */
public final class Policies {

    private Policies() {
    }

    /**
     * Rule 5: how many nominations for one award a round may carry: the share of participants, rounded down (20% of 11
     * is 2). Found by comparisons only, never by rounding the product: the cost stays that of a few comparisons whatever
     * the share's precision, also for a share recorded before shares were bounded.
     */
    public static int awardQuota(BigDecimal share, int participants) {
        BigDecimal allowed = share.multiply(BigDecimal.valueOf(participants));
        int low = 0;
        int high = participants;
        while (low < high) { // the largest k in [0, participants] with k <= share x participants
            int k = (low + high + 1) >>> 1;
            if (BigDecimal.valueOf(k).compareTo(allowed) <= 0) {
                low = k;
            } else {
                high = k - 1;
            }
        }
        return low;
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
