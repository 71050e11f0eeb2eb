package org.giaoban.contracts.competition;

import java.math.BigDecimal;

import org.giaoban.contracts.IntegrationEvent;

/** A participant's points on one criterion of the round's rules; replaces an earlier score for the same pair. */
public record ScoreRecorded(String roundId, String urbanAreaId, String criterion, BigDecimal points)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
