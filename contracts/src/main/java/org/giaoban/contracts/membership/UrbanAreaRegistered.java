package org.giaoban.contracts.membership;

import org.giaoban.contracts.IntegrationEvent;

/** An urban area (đô thị) was registered. {@code kind}: CITY, TOWN, WARD or COMMUNE; {@code urbanClass} may be null. */
public record UrbanAreaRegistered(String urbanAreaId, String name, String kind, String province, String urbanClass)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return urbanAreaId;
    }
}
