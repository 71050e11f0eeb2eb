package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A participant's ballot (phiếu) on a motion, replacing its earlier one. Published for {@code OPEN} rounds only,
 * never for {@code SECRET} rounds: there nobody may learn who voted how, and only the tallies of
 * {@link MotionDecided} are published. {@code vote}: {@value #APPROVE}, {@value #REJECT} or {@value #ABSTAIN};
 * {@code recordedBy}: {@value #DELEGATE} (the member's delegate) or {@value #COORDINATOR} (the room's show of hands).
 */
public record BallotCast(String roundId, String motionId, String urbanAreaId, String vote, String recordedBy)
        implements IntegrationEvent {

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String ABSTAIN = "ABSTAIN";
    public static final String DELEGATE = "DELEGATE";
    public static final String COORDINATOR = "COORDINATOR";

    @Override
    public String subject() {
        return roundId;
    }
}
