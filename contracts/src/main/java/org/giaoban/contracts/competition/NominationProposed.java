package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A nomination carried: the cluster proposes {@code award} for a member, {@value #MINISTRY_MERIT} (Bằng khen of the
 * Ministry of Construction) or {@value #ASSOCIATION_COMMENDATION} (Giấy khen of the association). Its status is
 * {@code PROPOSED} until forwarded.
 */
public record NominationProposed(String roundId, Ref cluster, int year, Ref urbanArea, String award, int approvals,
                                 int participants) implements IntegrationEvent {

    public static final String MINISTRY_MERIT = "MINISTRY_MERIT";
    public static final String ASSOCIATION_COMMENDATION = "ASSOCIATION_COMMENDATION";

    @Override
    public String subject() {
        return roundId;
    }
}
