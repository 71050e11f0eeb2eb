package org.giaoban.contracts.membership;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A mistaken membership record was retracted. {@code retractedEventId} is the CloudEvents {@code id} of the
 * retracted event; both stay in the history.
 */
public record MembershipRecordRetracted(String urbanAreaId, String retractedEventId, String note) implements IntegrationEvent {

    @Override
    public String subject() {
        return urbanAreaId;
    }
}
