package org.giaoban.news.names;

import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.ClusterRenamed;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.giaoban.platform.inbox.InboxConsumers;
import org.giaoban.platform.inbox.IntegrationEventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer {@value #NAME} of {@code membership.events.v1} that keeps the names of clusters and urban areas
 * ({@link NameReplica}, read through {@link Names}); memberships are of no concern to the news. Bean {@value #BEAN},
 * bound in {@code application.yml}:
 * <pre>
 * spring.cloud.function.definition: newsDrafting;newsNames
 * spring.cloud.stream.bindings.newsNames-in-0.destination: membership.events.v1
 * spring.cloud.stream.bindings.newsNames-in-0.group: news-names
 * </pre>
 * A message that fails is retried, then parked on {@code membership.events.v1.dlt.news-names}.
 */
@Configuration
public class NameReplicaConsumer {

    public static final String NAME = "news-names";
    public static final String BEAN = "newsNames";
    public static final String BINDING = BEAN + "-in-0";

    @Bean(BEAN)
    IntegrationEventConsumer newsNames(InboxConsumers consumers, NameReplica replica) {
        return consumers.define(NAME, MembershipEvents.CATALOG)
                .on(ClusterFormed.class, replica::on)
                .on(ClusterRenamed.class, replica::on)
                .on(UrbanAreaRegistered.class, replica::on)
                .on(UrbanAreaReorganised.class, replica::on)
                .build();
    }
}
