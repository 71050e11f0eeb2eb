package org.giaoban.competition.roster;

import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.ClusterRenamed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.MemberWithdrawn;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.contracts.membership.MembershipRecordRetracted;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.giaoban.platform.inbox.InboxConsumers;
import org.giaoban.platform.inbox.IntegrationEventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer {@value #NAME} of {@code membership.events.v1} that keeps the roster replica (ARCHITECTURE rule 5): a
 * Spring Cloud Stream functional consumer, bean {@value #BEAN}, bound in {@code application.yml}:
 * <pre>
 * spring.cloud.function.definition: competitionRosters
 * spring.cloud.stream.bindings.competitionRosters-in-0.destination: membership.events.v1
 * spring.cloud.stream.bindings.competitionRosters-in-0.group: competition-rosters
 * </pre>
 * Each message is applied once per {@code ce_id}; a failing one is retried, then parked on
 * {@code membership.events.v1.dlt.competition-rosters} (see {@code org.giaoban.platform.inbox}).
 */
@Configuration
public class RosterReplicaConsumer {

    /** The consumer's name: its Kafka consumer group, its key in the inbox, the suffix of its dead-letter topic. */
    public static final String NAME = "competition-rosters";
    /** The bean's name, hence the binding's: {@value}{@code -in-0}. */
    public static final String BEAN = "competitionRosters";
    /** The binding that delivers its messages, e.g. to stop and start it. */
    public static final String BINDING = BEAN + "-in-0";

    @Bean(BEAN)
    IntegrationEventConsumer competitionRosters(InboxConsumers consumers, RosterReplicaProjection replica) {
        return consumers.define(NAME, MembershipEvents.CATALOG)
                .on(ClusterFormed.class, replica::on)
                .on(ClusterRenamed.class, replica::on)
                .on(UrbanAreaRegistered.class, replica::on)
                .on(UrbanAreaReorganised.class, replica::on)
                .on(MemberAdmitted.class, replica::on)
                .on(MemberWithdrawn.class, replica::on)
                .on(MembershipRecordRetracted.class, replica::on)
                .build();
    }
}
