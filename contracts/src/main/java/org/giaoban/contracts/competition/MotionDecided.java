package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A motion was closed and decided by the round's rules: {@value #CARRIED} when approvals &gt; approvalThreshold ×
 * participants (all participants fixed at opening, whether or not they voted), else {@value #NOT_CARRIED}.
 * {@code reason} says why, e.g. {@code threshold-met}, {@code below-threshold}, {@code already-decided}. Repeats
 * what the motion was about ({@code kind}, {@code urbanAreaId}, {@code award}, {@code theme}, as in
 * {@link MotionTabled}).
 */
public record MotionDecided(String roundId, String motionId, String kind, String urbanAreaId, String award, String theme,
                            int approvals, int rejections, int abstentions, int participants, String outcome,
                            String reason) implements IntegrationEvent {

    public static final String CARRIED = "CARRIED";
    public static final String NOT_CARRIED = "NOT_CARRIED";

    @Override
    public String subject() {
        return roundId;
    }
}
