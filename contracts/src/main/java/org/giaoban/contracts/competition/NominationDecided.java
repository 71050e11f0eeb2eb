package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/**
 * The awarding body decided on a forwarded nomination: {@value #AWARDED} or {@value #DECLINED};
 * {@code reference} is the decision's reference.
 */
public record NominationDecided(String roundId, String urbanAreaId, String award, String decision, String reference)
        implements IntegrationEvent {

    public static final String AWARDED = "AWARDED";
    public static final String DECLINED = "DECLINED";

    @Override
    public String subject() {
        return roundId;
    }
}
