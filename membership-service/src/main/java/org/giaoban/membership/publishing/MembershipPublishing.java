package org.giaoban.membership.publishing;

import java.util.Optional;

import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.ClusterRenamed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.MemberWithdrawn;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.contracts.membership.MembershipRecordRetracted;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.giaoban.membership.cluster.ClusterMessages;
import org.giaoban.membership.urbanarea.UrbanAreaEvents;
import org.giaoban.platform.outbox.OutboxRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The membership service's private events in the published language of {@code membership.events.v1}. */
@Configuration
public class MembershipPublishing {

    @Bean
    OutboxRoute membershipOutbox() {
        return new OutboxRoute(MembershipEvents.CATALOG, MembershipPublishing::toIntegrationEvent);
    }

    static Optional<IntegrationEvent> toIntegrationEvent(Object domainEvent) {
        return Optional.ofNullable(translate(domainEvent));
    }

    private static IntegrationEvent translate(Object domainEvent) {
        if (domainEvent instanceof ClusterMessages.ClusterFormed e) {
            return new ClusterFormed(e.clusterId(), e.name(), e.nameEn(), e.region(), e.aliases());
        }
        if (domainEvent instanceof ClusterMessages.ClusterRenamed e) {
            return new ClusterRenamed(e.clusterId(), e.name(), e.nameEn(), e.region(), e.aliases());
        }
        if (domainEvent instanceof UrbanAreaEvents.UrbanAreaRegistered e) {
            return new UrbanAreaRegistered(e.urbanAreaId(), e.name(), e.kind().name(), e.province(), name(e.urbanClass()));
        }
        if (domainEvent instanceof UrbanAreaEvents.MemberAdmitted e) {
            return new MemberAdmitted(e.urbanAreaId(), e.clusterId(), e.effectiveFrom());
        }
        if (domainEvent instanceof UrbanAreaEvents.MemberWithdrawn e) {
            return new MemberWithdrawn(e.urbanAreaId(), e.clusterId(), e.effectiveFrom(), e.reason());
        }
        if (domainEvent instanceof UrbanAreaEvents.UrbanAreaReorganised e) {
            return new UrbanAreaReorganised(e.urbanAreaId(), e.clusterId(), e.effectiveFrom(), e.resulting().name(),
                    e.resulting().kind().name(), e.resulting().province(), name(e.resulting().urbanClass()),
                    e.dissolvedInto(), e.note());
        }
        if (domainEvent instanceof UrbanAreaEvents.MembershipRecordRetracted e) {
            return new MembershipRecordRetracted(e.urbanAreaId(), e.retractedEventId(), e.note());
        }
        return null;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
