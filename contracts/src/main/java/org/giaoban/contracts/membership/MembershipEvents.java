package org.giaoban.contracts.membership;

import java.util.LinkedHashMap;
import java.util.Map;

import org.giaoban.contracts.EventCatalog;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.Topics;

/** What the membership service publishes on {@value Topics#MEMBERSHIP}. */
public final class MembershipEvents {

    public static final EventCatalog CATALOG = catalog();

    private MembershipEvents() {
    }

    private static EventCatalog catalog() {
        Map<Class<? extends IntegrationEvent>, Integer> versions = new LinkedHashMap<>();
        versions.put(ClusterFormed.class, 1);
        versions.put(ClusterRenamed.class, 1);
        versions.put(UrbanAreaRegistered.class, 1);
        versions.put(MemberAdmitted.class, 1);
        versions.put(MemberWithdrawn.class, 1);
        versions.put(UrbanAreaReorganised.class, 1);
        versions.put(MembershipRecordRetracted.class, 1);
        return EventCatalog.of(Topics.MEMBERSHIP, "/giaoban/membership-service", "org.giaoban.membership", versions);
    }
}
