package org.giaoban.contracts.membership;

import java.time.LocalDate;
import java.util.List;

import org.giaoban.contracts.IntegrationEvent;

/**
 * An administrative change (sắp xếp đơn vị hành chính) from {@code effectiveFrom}: the urban area's name, kind,
 * province and class from that day (all of them, changed or not), and the successors it was dissolved into, if any.
 * {@code clusterId} is the cluster it belonged to on that day, or null.
 */
public record UrbanAreaReorganised(String urbanAreaId, String clusterId, LocalDate effectiveFrom, String name, String kind,
                                   String province, String urbanClass, List<String> dissolvedInto, String note)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return urbanAreaId;
    }
}
