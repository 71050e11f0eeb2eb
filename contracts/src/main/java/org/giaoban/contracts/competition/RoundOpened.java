package org.giaoban.contracts.competition;

import java.time.LocalDate;
import java.util.List;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A round opened: its participants are the cluster's members on {@code rosterDate}, fixed for the whole round. Only
 * they are scored, nominated, chosen as host or leader, and vote.
 */
public record RoundOpened(String roundId, String clusterId, int year, LocalDate rosterDate, List<Ref> participants)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
