package org.giaoban.news.drafting;

import org.giaoban.contracts.competition.CompetitionEvents;
import org.giaoban.contracts.competition.RoundConcluded;
import org.giaoban.platform.inbox.InboxConsumers;
import org.giaoban.platform.inbox.IntegrationEventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer {@value #NAME} of {@code competition.events.v1}: on {@code RoundConcluded}, the draft report of the
 * conference ({@link RoundOutcomeDrafts}); every other type of the topic is ignored. A Spring Cloud Stream functional
 * consumer, bean {@value #BEAN}, bound in {@code application.yml}:
 * <pre>
 * spring.cloud.function.definition: newsDrafting;newsNames
 * spring.cloud.stream.bindings.newsDrafting-in-0.destination: competition.events.v1
 * spring.cloud.stream.bindings.newsDrafting-in-0.group: news-drafting
 * </pre>
 * A message that fails is retried, then parked on {@code competition.events.v1.dlt.news-drafting}.
 */
@Configuration
public class RoundOutcomeDrafting {

    /** The consumer's name: its Kafka consumer group, its key in the inbox, the suffix of its dead-letter topic. */
    public static final String NAME = "news-drafting";
    /** The bean's name, hence the binding's: {@value}{@code -in-0}. */
    public static final String BEAN = "newsDrafting";
    /** The binding that delivers its messages, e.g. to stop and start it. */
    public static final String BINDING = BEAN + "-in-0";

    @Bean(BEAN)
    IntegrationEventConsumer newsDrafting(InboxConsumers consumers, RoundOutcomeDrafts drafts) {
        return consumers.define(NAME, CompetitionEvents.CATALOG)
                .on(RoundConcluded.class, drafts::on)
                .build();
    }
}
