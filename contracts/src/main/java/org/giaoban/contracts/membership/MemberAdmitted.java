package org.giaoban.contracts.membership;

import java.time.LocalDate;

import org.giaoban.contracts.IntegrationEvent;

/** An urban area is a member of a cluster from {@code effectiveFrom} (inclusive). */
public record MemberAdmitted(String urbanAreaId, String clusterId, LocalDate effectiveFrom) implements IntegrationEvent {

    @Override
    public String subject() {
        return urbanAreaId;
    }
}
