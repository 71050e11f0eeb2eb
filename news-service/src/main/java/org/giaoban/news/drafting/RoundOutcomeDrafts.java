package org.giaoban.news.drafting;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.giaoban.contracts.competition.RoundConcluded;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.Source;
import org.giaoban.news.article.Outcome;
import org.giaoban.platform.eventstore.Metadata;
import org.giaoban.platform.inbox.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the draft report of a concluded round ({@link ConferenceReport}) as the article {@code round-<roundId>} with
 * the source {@code ROUND_OUTCOME} and the checklist of what an editor adds ({@link ConferenceReport#CHECKLIST}),
 * for an editor to complete and publish.
 *
 * <p>One draft per round, whatever Kafka delivers: the inbox runs this once per {@code ce_id}, and the article id is
 * the round's, so a conclusion delivered again under another id (re-published, replayed, reset to offset 0) finds the
 * article written and the aggregate answers {@code UNCHANGED}, even if an editor has changed or published it since.
 *
 * <p>The command is sent and awaited on the consumer's thread, so it joins the inbox's transaction, through a gateway
 * of its own without retry scheduler (see {@code org.giaoban.platform.inbox.Inbox}): a conflict fails the message,
 * which is retried whole. It carries the actor and correlation id of the conclusion that caused it.
 */
@Component
class RoundOutcomeDrafts {

    private static final Logger log = LoggerFactory.getLogger(RoundOutcomeDrafts.class);

    private final CommandGateway commands;

    RoundOutcomeDrafts(CommandBus commandBus) {
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    void on(RoundConcluded round, Envelope envelope) {
        String articleId = ConferenceReport.articleId(round.roundId());
        Object outcome = commands.sendAndWait(
                new CreateDraft(articleId, ConferenceReport.of(round), Source.roundOutcome(round.roundId()),
                        ConferenceReport.CHECKLIST),
                attribution(envelope));
        if (outcome == Outcome.UNCHANGED) {
            log.info("The draft {} of round {} was written already: conclusion {} changes nothing", articleId,
                    round.roundId(), envelope.id());
        } else {
            log.info("Drafted {} from the conclusion of round {}", articleId, round.roundId());
        }
    }

    /** Who concluded the round, and the request that did it: what the draft's creation is attributed to. */
    private static MetaData attribution(Envelope envelope) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(Metadata.ACTOR, envelope.actor() == null ? RoundOutcomeDrafting.NAME : envelope.actor());
        if (envelope.correlationId() != null) {
            metaData.put(Metadata.CORRELATION_ID, envelope.correlationId());
        }
        return MetaData.from(metaData);
    }
}
