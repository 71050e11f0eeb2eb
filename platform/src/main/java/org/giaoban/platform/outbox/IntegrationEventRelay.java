package org.giaoban.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.platform.eventstore.Metadata;
import org.giaoban.platform.web.RequestContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay: a tracking processor over the service's own event store that publishes the integration event of
 * each stored domain event. Sends of one batch go out together; the batch's token is stored only after Kafka
 * acknowledged all of them, so every stored event is published at least once, always under the id of the stored
 * event ({@code ce_id}), and a crash at any point leads to re-publication, never to loss.
 */
@ProcessingGroup(IntegrationEventRelay.PROCESSING_GROUP)
public class IntegrationEventRelay {

    public static final String PROCESSING_GROUP = "integration-publisher";
    private static final String PENDING_SENDS = IntegrationEventRelay.class.getName() + ".pending";

    private final OutboxRoute route;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final long ackTimeoutMillis;

    public IntegrationEventRelay(OutboxRoute route, KafkaTemplate<String, byte[]> kafka, ObjectMapper json, long ackTimeoutMillis) {
        this.route = route;
        this.kafka = kafka;
        this.json = json;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    @EventHandler
    public void publish(Object payload, EventMessage<?> message) throws JsonProcessingException {
        Optional<? extends IntegrationEvent> mapped = route.mapper().map(payload);
        if (mapped.isEmpty()) {
            return;
        }
        IntegrationEvent event = mapped.get();
        Object actor = message.getMetaData().get(Metadata.ACTOR);
        Object correlationId = message.getMetaData().get(Metadata.CORRELATION_ID);
        pendingSends().add(kafka.send(CloudEventRecord.of(route.catalog(), event, json.writeValueAsBytes(event),
                message.getIdentifier(), message.getTimestamp(), actor == null ? RequestContext.ANONYMOUS : actor.toString(),
                correlationId == null ? null : correlationId.toString())));
    }

    /** The sends of the current batch; the first call registers the wait for their acknowledgements before commit. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            // Rolls the batch back: its token does not move and the same events are published again.
            throw new PublicationFailed("Kafka did not acknowledge " + sends.size() + " integration events", e);
        }
    }

    static class PublicationFailed extends RuntimeException {
        PublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
