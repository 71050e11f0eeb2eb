package org.giaoban.contracts.competition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The rules a round is run under, recorded with it because the legal basis changes over time.
 *
 * @param legalBasis        the law, decree and regulations the round follows, free text; null when not recorded
 * @param voteMethod        {@value #OPEN} (a delegate, or the coordinator for the room, casts a member's ballot) or
 *                          {@value #SECRET} (only the delegate; nobody learns who voted how)
 * @param approvalThreshold a motion carries when approvals &gt; threshold × participants, e.g. {@code 0.5}
 * @param quotas            per award ({@code MINISTRY_MERIT}, {@code ASSOCIATION_COMMENDATION}), the most nominations
 *                          as a share of the participants, rounded down, e.g. {@code 0.2}
 * @param hostMayRepeat     whether this year's host may be chosen to host next year
 * @param criteria          the scoring criteria, in order; empty when the round is not scored
 */
public record Rules(String legalBasis, String voteMethod, BigDecimal approvalThreshold, Map<String, BigDecimal> quotas,
                    boolean hostMayRepeat, List<Criterion> criteria) {

    public static final String OPEN = "OPEN";
    public static final String SECRET = "SECRET";
}
