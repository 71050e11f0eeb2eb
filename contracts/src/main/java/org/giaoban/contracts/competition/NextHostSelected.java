package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/** A NEXT_HOST motion carried: {@code urbanArea} hosts the cluster's conference (đơn vị đăng cai) in {@code forYear}. */
public record NextHostSelected(String roundId, String clusterId, int forYear, Ref urbanArea) implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
