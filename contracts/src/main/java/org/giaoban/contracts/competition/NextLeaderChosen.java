package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A NEXT_LEADER motion carried: {@code urbanArea} leads the cluster (cụm trưởng) in {@code forYear}. Without one,
 * this year's host leads next year (see {@link RoundConcluded#nextLeader()}).
 */
public record NextLeaderChosen(String roundId, String clusterId, int forYear, Ref urbanArea) implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
