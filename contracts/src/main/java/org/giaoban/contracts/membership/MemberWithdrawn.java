package org.giaoban.contracts.membership;

import java.time.LocalDate;

import org.giaoban.contracts.IntegrationEvent;

/**
 * An urban area left its cluster; {@code effectiveFrom} is the first day out. {@code reason} is
 * {@value #DISSOLVED} when a dissolution ended the membership.
 */
public record MemberWithdrawn(String urbanAreaId, String clusterId, LocalDate effectiveFrom, String reason)
        implements IntegrationEvent {

    public static final String DISSOLVED = "DISSOLVED";

    @Override
    public String subject() {
        return urbanAreaId;
    }
}
